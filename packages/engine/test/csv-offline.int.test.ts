import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { SqliteCacheStore } from "@scrilla/cache";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, WINDOW } from "./support/engine-harness.js";

const EXAMPLES = resolve(import.meta.dirname, "../../../examples/prices");

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());

describe("PRICE_MANAGER=csv works offline", () => {
  it("optimises from the example folder with no HTTP request and the AlphaVantage answer", async () => {
    // Cold, a file's prices are served as fetched (the store holds exactly them under the file's content hash)
    // rather than read back; the command uses each series twice, so the store is read once per ticker, for the
    // second use. The answer must still equal AlphaVantage's, which is read back from the store.
    let storeReads = 0;
    const sqlite = new SqliteCacheStore({ file: join(harness.dir, "csv.db") });
    const store = new Proxy(sqlite, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (key === "getPrices") storeReads++;
          return value.apply(target, args);
        };
      },
    });
    const offline = await harness.open({
      env: { PRICE_MANAGER: "csv", PRICE_DIR: EXAMPLES, ALPHA_VANTAGE_KEY: "" },
      store,
    });
    const fromCsv = await offline.run("optimize-portfolio", ["SPY", "GLD", "BX"], WINDOW);
    expect(harness.server.count()).toBe(0);
    expect(storeReads).toBe(3);
    const online = await harness.open();
    expect(fromCsv).toEqual(await online.run("optimize-portfolio", ["SPY", "GLD", "BX"], WINDOW));
  });

  it("a CSV with weekend prices is crypto (dt 1/365), one without is equity", async () => {
    const dir = join(harness.dir, "coins");
    mkdirSync(dir, { recursive: true });
    const rows = (dates: string[]) =>
      ["date,open,close", ...dates.map((d, i) => `${d},${100 + i},${101 + i * 1.5}`)].join("\n");
    // 2021-11-13/14 is a weekend.
    writeFileSync(join(dir, "COIN.csv"), rows(["2021-11-12", "2021-11-13", "2021-11-14", "2021-11-15", "2021-11-16"]));
    writeFileSync(join(dir, "STOCK.csv"), rows(["2021-11-10", "2021-11-11", "2021-11-12", "2021-11-15", "2021-11-16"]));
    const engine = await harness.open({
      env: { PRICE_MANAGER: "csv", PRICE_DIR: dir, SQLITE_FILE: join(harness.dir, "coins.db") },
    });
    expect(await engine.run("asset", ["COIN", "STOCK"], {})).toEqual({ COIN: "crypto", STOCK: "equity" });
    expect(await engine.run("asset", ["COIN"], { assetType: "equity" })).toEqual({ COIN: "equity" });
  });
});
