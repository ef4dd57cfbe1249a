import { ScrillaError } from "@scrilla/core/errors";
import type { CacheStore } from "./cache-store.js";
import type { DynamoDBStoreSettings } from "./dynamodb/dynamodb-store-settings.js";
import { MemoryCacheStore, type MemoryCacheStoreOptions } from "./memory/memory-cache-store.js";
import { defaultSqliteFile } from "./sqlite/default-sqlite-file.js";
import { SqliteCacheStore } from "./sqlite/sqlite-cache-store.js";

export type CacheMode = "sqlite" | "dynamodb";

export interface CacheStoreOptions {
  /** `CACHE_MODE`. */
  mode: CacheMode;
  /** `SQLITE_FILE`; default {@link defaultSqliteFile}. */
  sqliteFile?: string;
  /** Settings of the DynamoDB store (client, prefix, billing, provisioning). */
  dynamodb?: DynamoDBStoreSettings;
  /** A bounded in-memory LRU in front of the store: `true` for the defaults. Default: none. */
  memory?: boolean | MemoryCacheStoreOptions;
}

/**
 * Opens the store `mode` selects, optionally behind the memory layer. The DynamoDB adapter (and with it the
 * AWS SDK, an optional peer dependency) is loaded only when asked for.
 */
export async function createCacheStore(options: CacheStoreOptions): Promise<CacheStore> {
  const store = await openStore(options);
  if (!options.memory) return store;
  return new MemoryCacheStore(store, options.memory === true ? {} : options.memory);
}

async function openStore(options: CacheStoreOptions): Promise<CacheStore> {
  switch (options.mode) {
    case "sqlite":
      return new SqliteCacheStore({ file: options.sqliteFile ?? defaultSqliteFile() });
    case "dynamodb": {
      const { DynamoDBCacheStore } = await loadDynamoDBAdapter();
      return new DynamoDBCacheStore(options.dynamodb);
    }
    default:
      throw new ScrillaError(
        "CONFIG",
        `CACHE_MODE must be "sqlite" or "dynamodb"; got ${JSON.stringify((options as { mode?: unknown }).mode)}.`,
      );
  }
}

async function loadDynamoDBAdapter() {
  try {
    return await import("./dynamodb/dynamodb-cache-store.js");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") {
      throw new ScrillaError(
        "CONFIG",
        "CACHE_MODE=dynamodb needs the AWS SDK: install @aws-sdk/client-dynamodb and @aws-sdk/lib-dynamodb, or use CACHE_MODE=sqlite.",
        undefined,
        { cause: error },
      );
    }
    throw error;
  }
}
