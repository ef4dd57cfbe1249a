import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarketData, ListAssetTypeResolver, SymbolLists } from "../src/index.js";
import { DEFAULT_FIXTURES_DIR } from "../src/testing/index.js";
import { type Harness, readRecorded, startHarness, TEST_KEY, tempDir } from "./support.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.server.close());

describe("asset type resolution (spec §7.2, D-37)", () => {
  it.each([
    ["ALLY", "equity"],
    ["BTC", "crypto"],
    ["ALGO", "crypto"],
    ["SPY", "equity"],
    ["btc", "crypto"],
    ["UNLISTED", "equity"],
  ] as const)("%s → %s", async (ticker, expected) => {
    expect(await harness.market.assetTypes.resolve(ticker)).toBe(expected);
  });

  it("ETH is crypto with the recorded lists (crypto list yes, equity listing no)", async () => {
    expect(await readRecorded("alphavantage", "digital_currency_list.csv")).toMatch(/^ETH,/m);
    expect(await readRecorded("alphavantage", "LISTING_STATUS.csv")).not.toMatch(/^ETH,/m);
    expect(await harness.market.assetTypes.resolve("ETH")).toBe("crypto");
  });

  it("a symbol in both lists is equity unless overridden", async () => {
    const dir = await tempDir("lists");
    await cp(DEFAULT_FIXTURES_DIR, dir, { recursive: true });
    const listing = join(dir, "alphavantage", "LISTING_STATUS.csv");
    await writeFile(
      listing,
      `${await readFile(listing, "utf8")}ETH,Grayscale Ethereum Trust,NYSE ARCA,ETF,2020-12-14,null,Active\n`,
    );
    const local = await startHarness({ dir });
    try {
      expect(await local.market.assetTypes.resolve("ETH")).toBe("equity");
      expect(await local.market.assetTypes.resolve("ETH", "crypto")).toBe("crypto");
      expect(await local.market.assetTypes.resolve("BTC", "equity")).toBe("equity");
    } finally {
      await local.server.close();
    }
  });

  it("concurrent resolutions share one download of each list", async () => {
    const market = createMarketData({
      urls: harness.server.urls,
      env: { ALPHA_VANTAGE_KEY: TEST_KEY },
      alphaVantage: { minIntervalMs: 0 },
    });
    harness.server.reset();
    const types = await Promise.all(["BTC", "ETH", "ALGO", "ALLY", "SPY"].map((t) => market.assetTypes.resolve(t)));
    expect(types).toEqual(["crypto", "crypto", "crypto", "equity", "equity"]);
    expect(harness.server.count({ service: "alphaVantageCryptoMeta" })).toBe(1);
    expect(harness.server.count({ service: "alphaVantage", params: { function: "LISTING_STATUS" } })).toBe(1);
  });

  it("caches the lists on disk with their age and refetches them past the max age", async () => {
    const staticDir = await tempDir("static");
    const make = () =>
      createMarketData({
        urls: harness.server.urls,
        env: { ALPHA_VANTAGE_KEY: TEST_KEY },
        staticDir,
        // A day: the files must still be fresh however slowly a loaded machine gets to the second read.
        symbolListMaxAgeMs: 86_400_000,
        alphaVantage: { minIntervalMs: 0 },
      });
    harness.server.reset();
    const first = make();
    const before = Date.now();
    expect(await first.assetTypes.resolve("BTC")).toBe("crypto");
    const after = Date.now();
    expect(harness.server.count()).toBe(2);
    const cached = JSON.parse(await readFile(join(staticDir, "crypto.json"), "utf8")) as {
      fetchedAt: string;
      symbols: string[];
    };
    expect(cached.symbols).toEqual(["ALGO", "BTC", "ETH"]);
    // Stamped when it was fetched (an order, not a duration: no timing threshold).
    expect(Date.parse(cached.fetchedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(cached.fetchedAt)).toBeLessThanOrEqual(after);

    // A fresh process reads the files instead of the network.
    expect(await make().assetTypes.resolve("ALGO")).toBe("crypto");
    expect(harness.server.count()).toBe(2);

    // Past the max age the lists are downloaded again.
    const now = Date.now() + 120_000;
    const aged = new SymbolLists({
      client: make().alphaVantage,
      cacheDir: staticDir,
      maxAgeMs: 60_000,
      now: () => now,
    });
    expect(await new ListAssetTypeResolver(aged).resolve("BTC")).toBe("crypto");
    expect(harness.server.count()).toBe(4);
    expect(aged.ageMs("crypto")).toBe(0);
  });
});
