import "./node-version.js";

export type * from "./cache-store.js";
export { type CacheMode, type CacheStoreOptions, createCacheStore } from "./create-cache-store.js";
export { mergeDateRanges } from "./date-ranges.js";
// SDK-free types only: the AWS SDK is an optional peer (its types are behind @scrilla/cache/dynamodb).
export type {
  DynamoDBClientSettings,
  DynamoDBStoreSettings,
  DynamoProvision,
  RetryPolicy,
} from "./dynamodb/dynamodb-store-settings.js";
export { makeDirectories } from "./make-directories.js";
export { MemoryCacheStore, type MemoryCacheStoreOptions } from "./memory/memory-cache-store.js";
export { canonicalCorrelationKey } from "./record-keys.js";
export { defaultSqliteFile } from "./sqlite/default-sqlite-file.js";
export { SqliteCacheStore, type SqliteCacheStoreOptions } from "./sqlite/sqlite-cache-store.js";
export { SQLITE_SCHEMA_VERSION } from "./sqlite/sqlite-schema.js";
