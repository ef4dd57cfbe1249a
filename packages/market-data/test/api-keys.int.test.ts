import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiKeys, createMarketData } from "../src/index.js";
import { type FixtureServer, startFixtureServer } from "../src/testing/index.js";
import { RANGE, rejectionOf, TEST_KEY, tempDir } from "./support.js";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

describe("API keys, resolved lazily per service (D-38)", () => {
  it("a missing key fails only when the service is used, with API_KEY_MISSING naming the variable", async () => {
    const market = createMarketData({ urls: server.urls, env: {}, alphaVantage: { minIntervalMs: 0 } });
    // The Treasury needs no key: it works although no key exists.
    expect((await market.yieldCurve.fetchYieldCurve({ start: "2021-11-01", end: "2021-11-05" })).length).toBe(5);
    const error = await rejectionOf(market.prices.fetchDaily("SPY", "equity", RANGE));
    expect(error).toMatchObject({ code: "API_KEY_MISSING", details: { variable: "ALPHA_VANTAGE_KEY" } });
    expect(error.message).toContain("ALPHA_VANTAGE_KEY");
    expect(await rejectionOf(market.statistics.fetchSeries("DGS10", RANGE))).toMatchObject({
      code: "API_KEY_MISSING",
      details: { variable: "FRED_KEY" },
    });
    expect(server.count({ service: "alphaVantage" })).toBe(0);
  });

  it("falls back to the key file written by `scrilla store`", async () => {
    const keyDir = await tempDir("keys");
    await mkdir(keyDir, { recursive: true });
    await writeFile(join(keyDir, "ALPHA_VANTAGE_KEY.json"), JSON.stringify({ ALPHA_VANTAGE_KEY: TEST_KEY }));
    const market = createMarketData({ urls: server.urls, env: {}, keyDir, alphaVantage: { minIntervalMs: 0 } });
    server.reset();
    const bars = await market.prices.fetchDaily("ALLY", "equity", RANGE);
    expect(bars.find((bar) => bar.date === "2021-10-22")?.close).toBeCloseTo(50.7, 9);
    expect(server.requests[0]?.keyed).toBe(true);
  });

  it("the environment wins over the key file, and the message points at the file when both are missing", async () => {
    const keyDir = await tempDir("keys");
    await writeFile(join(keyDir, "FRED_KEY.json"), JSON.stringify({ FRED_KEY: "from-file" }));
    expect(await new ApiKeys({ env: { FRED_KEY: "from-env" }, keyDir }).get("FRED_KEY")).toBe("from-env");
    expect(await new ApiKeys({ env: {}, keyDir }).get("FRED_KEY")).toBe("from-file");
    const error = await rejectionOf(new ApiKeys({ env: {}, keyDir }).get("ALPHA_VANTAGE_KEY"));
    expect(error.message).toContain(join(keyDir, "ALPHA_VANTAGE_KEY.json"));
  });

  it("a damaged key file is a CONFIG error, not a silent miss", async () => {
    const keyDir = await tempDir("keys");
    await writeFile(join(keyDir, "FRED_KEY.json"), "{not json");
    expect(await rejectionOf(new ApiKeys({ env: {}, keyDir }).get("FRED_KEY"))).toMatchObject({ code: "CONFIG" });
  });
});
