import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { type CacheStore, MemoryCacheStore, SqliteCacheStore } from "../src/index.js";
import { describeCacheStoreContract } from "./support/cache-store-contract.js";
import { CountingStore } from "./support/counting-store.js";
import { syntheticPrices } from "./support/fixture-prices.js";

const dir = mkdtempSync(join(tmpdir(), "scrilla-memory-"));
let files = 0;
const newSqlite = () => new SqliteCacheStore({ file: join(dir, `cache-${++files}.db`) });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeCacheStoreContract("memory over sqlite", async () => new MemoryCacheStore(newSqlite(), { maxEntries: 64 }));

describe("MemoryCacheStore", () => {
  const stores: CacheStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });
  const open = (maxEntries: number) => {
    const sqlite = newSqlite();
    const counting = new CountingStore(sqlite);
    const counts = counting.counts;
    const memory = new MemoryCacheStore(counting, { maxEntries });
    stores.push(memory);
    return { memory, sqlite, counts, counting };
  };
  const range = { start: "2024-01-01", end: "2024-01-31" };

  it("serves repeated reads from memory and hands out copies", async () => {
    const { memory, counts } = open(10);
    await memory.putPrices("SPY", syntheticPrices(10, "2024-01-01"));
    const first = await memory.getPrices("SPY", range);
    first[0]!.close = -1;
    first.pop();
    const second = await memory.getPrices("SPY", range);
    expect(counts.prices).toBe(1);
    expect(second).toHaveLength(10);
    expect(second[0]?.close).toBe(100);
  });

  it("drops a ticker's cached reads when it is written, so reads never go stale", async () => {
    const { memory, counts } = open(10);
    await memory.putPrices("SPY", syntheticPrices(5, "2024-01-01"), { start: "2024-01-01", end: "2024-01-05" });
    await memory.getPrices("SPY", range);
    await memory.getFetchedRanges("prices", "SPY");
    await memory.getPrices("BX", range);
    await memory.putPrices("SPY", syntheticPrices(10, "2024-01-01"), { start: "2024-01-06", end: "2024-01-31" });
    expect(await memory.getPrices("SPY", range)).toHaveLength(10);
    expect(await memory.getFetchedRanges("prices", "SPY")).toEqual([range]);
    await memory.getPrices("BX", range);
    expect(counts).toMatchObject({ prices: 3, fetched: 2 });
  });

  it("keeps profile merges and correlations in memory after writing them through", async () => {
    const { memory, sqlite, counts } = open(10);
    const key = { ticker: "ALLY", startDate: "2024-01-01", endDate: "2024-01-31", method: "moments", weekends: false };
    await memory.mergeProfile(key, { annual_return: 0.1 });
    await memory.mergeProfile(key, { sharpe_ratio: 0.2 });
    expect(await memory.getProfile(key)).toEqual({ annual_return: 0.1, sharpe_ratio: 0.2 });
    expect(await sqlite.getProfile(key)).toEqual({ annual_return: 0.1, sharpe_ratio: 0.2 });
    const pair = { ...key, ticker1: "SPY", ticker2: "ALLY" };
    await memory.putCorrelation(pair, 0.3);
    expect(await memory.getCorrelation({ ...pair, ticker1: "ALLY", ticker2: "SPY" })).toBe(0.3);
    expect(counts).toMatchObject({ profile: 0, correlation: 0 });
  });

  it("is bounded: the least recently used entry is evicted", async () => {
    const { memory, counts } = open(2);
    await memory.putPrices("SPY", syntheticPrices(40, "2024-01-01"));
    const ranges = ["2024-01-05", "2024-01-10", "2024-01-15"].map((end) => ({ start: "2024-01-01", end }));
    for (const r of ranges) await memory.getPrices("SPY", r);
    expect(counts.prices).toBe(3);
    await memory.getPrices("SPY", ranges[2]!);
    await memory.getPrices("SPY", ranges[1]!);
    expect(counts.prices).toBe(3);
    expect(await memory.getPrices("SPY", ranges[0]!)).toHaveLength(5);
    expect(counts.prices).toBe(4);
  });

  it("does not cache a read that raced with a write", async () => {
    const { memory, counting } = open(10);
    await memory.putPrices("SPY", syntheticPrices(3, "2024-01-01"));
    let release = () => {};
    // The inner read takes its snapshot, then stalls until the write below has finished.
    counting.afterRead = new Promise<void>((resolve) => (release = resolve));
    const racingRead = memory.getPrices("SPY", range);
    await memory.putPrices("SPY", syntheticPrices(6, "2024-01-01"));
    release();
    expect(await racingRead).toHaveLength(3);
    counting.afterRead = undefined;
    expect(await memory.getPrices("SPY", range)).toHaveLength(6);
  });
});
