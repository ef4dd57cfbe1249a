import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type CacheStoreOptions, createCacheStore, type MemoryCacheStore } from "../src/index.js";
import { expectScrillaError } from "./support/expect-error.js";

const dir = mkdtempSync(join(tmpdir(), "scrilla-factory-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("createCacheStore", () => {
  it("opens SQLite at the given file, with or without the memory layer", async () => {
    const sqliteFile = join(dir, "factory.db");
    const plain = await createCacheStore({ mode: "sqlite", sqliteFile });
    expect(plain.backend).toBe("sqlite");
    await plain.putPrices("SPY", [{ date: "2024-01-02", open: 1, close: 2 }]);
    await plain.close();

    const layered = await createCacheStore({ mode: "sqlite", sqliteFile, memory: true });
    expect(layered.backend).toBe("memory");
    expect((layered as MemoryCacheStore).inner.backend).toBe("sqlite");
    expect(await layered.getPrices("SPY", { start: "2024-01-01", end: "2024-01-31" })).toHaveLength(1);
    await layered.close();
  });

  it("rejects an unknown mode with CONFIG", async () => {
    await expectScrillaError(createCacheStore({ mode: "redis" } as unknown as CacheStoreOptions), "CONFIG");
  });
});
