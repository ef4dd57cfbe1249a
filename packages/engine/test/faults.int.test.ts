import { SqliteCacheStore } from "@scrilla/cache";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Harness, startHarness, WINDOW } from "./support/engine-harness.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
beforeEach(() => harness.server.reset());
afterAll(async () => harness.close());

/** What the SQLite file holds for a ticker, read with a separate store instance. */
async function cachedRows(ticker: string) {
  const store = new SqliteCacheStore({ file: harness.env.SQLITE_FILE! });
  try {
    return {
      rows: (await store.getPrices(ticker, { start: "1990-01-01", end: "2030-01-01" })).length,
      ranges: (await store.getFetchedRanges("prices", ticker)).length,
    };
  } finally {
    await store.close();
  }
}

describe("provider faults through the engine", () => {
  it("a throttled request (Note) is retried and then succeeds", async () => {
    const engine = await harness.open();
    harness.server.inject({ kind: "throttle", times: 1, service: "alphaVantage" });
    const prices = (await engine.run("prices", ["GLD"], WINDOW)) as Record<string, Record<string, number>>;
    expect(Object.keys(prices.GLD!)).toHaveLength(92);
    expect(harness.server.count({ service: "alphaVantage", params: { symbol: "GLD" } })).toBe(2);
  });

  it("the daily quota gives RATE_LIMITED with advice, and nothing is cached", async () => {
    const engine = await harness.open();
    await engine.run("asset", ["SPY"], {}); // symbol lists first, so the fault hits the price request
    harness.server.inject({ kind: "daily-quota", times: 5, service: "alphaVantage" });
    const error = await engine.run("prices", ["SPY"], WINDOW).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RATE_LIMITED" });
    expect((error as Error).message.length).toBeGreaterThan(20);
    expect(await cachedRows("SPY")).toEqual({ rows: 0, ranges: 0 });
  });

  it("HTTP 500s then success", async () => {
    const engine = await harness.open();
    await engine.run("asset", ["DIS"], {});
    harness.server.inject({ kind: "http-error", status: 500, times: 2, service: "alphaVantage" });
    const prices = (await engine.run("prices", ["DIS"], WINDOW)) as Record<string, Record<string, number>>;
    expect(prices.DIS!["2021-10-04"]).toBeCloseTo(173.46, 10);
  });

  it("a hanging provider times out with PROVIDER_ERROR and nothing is cached", async () => {
    const engine = await harness.open({ env: { HTTP_TIMEOUT_MS: "200", HTTP_RETRIES: "0" } });
    await engine.run("asset", ["BX"], {});
    harness.server.inject({ kind: "hang", times: 1, service: "alphaVantage" });
    await expect(engine.run("prices", ["BX"], WINDOW)).rejects.toMatchObject({ code: "PROVIDER_ERROR" });
    expect(await cachedRows("BX")).toEqual({ rows: 0, ranges: 0 });
  });

  it("malformed JSON from AlphaVantage and malformed XML from the Treasury are PROVIDER_ERRORs", async () => {
    const engine = await harness.open({ env: { HTTP_RETRIES: "0" } });
    await engine.run("asset", ["ALLY"], {});
    harness.server.inject({ kind: "malformed", times: 1, service: "alphaVantage" });
    await expect(engine.run("prices", ["ALLY"], { start: "2015-01-02", end: "2015-02-02" })).rejects.toMatchObject({
      code: "PROVIDER_ERROR",
    });
    harness.server.inject({ kind: "malformed", times: 1, service: "treasury" });
    await expect(
      engine.run("interest", ["ONE_YEAR"], { start: "2021-04-01", end: "2021-04-20" }),
    ).rejects.toMatchObject({
      code: "PROVIDER_ERROR",
    });
  });

  it("a Treasury outage names RISK_FREE_RATE as the way to carry on", async () => {
    const engine = await harness.open({ env: { HTTP_RETRIES: "0", SQLITE_FILE: `${harness.dir}/outage.db` } });
    harness.server.inject({ kind: "http-error", status: 503, times: 1, service: "treasury" });
    await expect(engine.run("risk-free", [], {})).rejects.toMatchObject({
      code: "PROVIDER_ERROR",
      message: expect.stringContaining("RISK_FREE_RATE"),
    });
  });

  it("an unknown ticker is NOT_FOUND", async () => {
    const engine = await harness.open();
    await expect(engine.run("prices", ["ZZZZ"], WINDOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await cachedRows("ZZZZ")).toEqual({ rows: 0, ranges: 0 });
  });

  it("a missing API key is API_KEY_MISSING naming the variable", async () => {
    const engine = await harness.open({ env: { ALPHA_VANTAGE_KEY: "", SCRILLA_HOME: `${harness.dir}/empty-home` } });
    await expect(engine.run("prices", ["ALGO"], WINDOW)).rejects.toMatchObject({
      code: "API_KEY_MISSING",
      message: expect.stringContaining("ALPHA_VANTAGE_KEY"),
    });
  });
});
