import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMarketData } from "../src/index.js";
import { startFixtureServer } from "../src/testing/index.js";
import { type Harness, RANGE, rejectionOf, startHarness, TEST_KEY } from "./support.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterEach(() => harness.server.reset());
afterAll(() => harness.server.close());

const spy = () => harness.market.prices.fetchDaily("SPY", "equity", RANGE);

/** Everything a caller could print or log about an error. */
const shown = (error: Error & { details?: unknown }): string =>
  `${error.message} ${JSON.stringify(error.details ?? {})} ${String(error.stack)}`;

describe("AlphaVantage's HTTP-200 error protocol", () => {
  it("waits out a throttle Note and then succeeds", async () => {
    harness.server.inject({ kind: "throttle", times: 2 });
    const bars = await spy();
    expect(bars.at(-1)?.date).toBe(RANGE.end);
    expect(harness.server.count({ service: "alphaVantage" })).toBe(3);
    expect(harness.server.requests.map((request) => request.fault)).toEqual(["throttle", "throttle", undefined]);
    expect(harness.logs.some((line) => line.includes("throttled"))).toBe(true);
  });

  it("gives up with RATE_LIMITED after the bounded number of throttle waits (D-34)", async () => {
    harness.server.inject({ kind: "throttle", times: 5 });
    const error = await rejectionOf(spy());
    expect(error).toMatchObject({ code: "RATE_LIMITED" });
    expect(error.message).toMatch(/wait a minute/);
    expect(harness.server.count()).toBe(3); // first try + 2 waits
  });

  it("turns the daily-quota Information into RATE_LIMITED with advice", async () => {
    harness.server.inject({ kind: "daily-quota" });
    const error = await rejectionOf(spy());
    expect(error).toMatchObject({ code: "RATE_LIMITED", details: { reason: "quota" } });
    expect(error.message).toMatch(/retry tomorrow or use a premium key/);
    expect(harness.server.count()).toBe(1);
  });

  it("reports an unknown ticker as NOT_FOUND", async () => {
    const error = await rejectionOf(harness.market.prices.fetchDaily("ZZZZ", "equity", RANGE));
    expect(error).toMatchObject({ code: "NOT_FOUND", details: { symbol: "ZZZZ" } });
    expect(error.message).toContain("ZZZZ");
  });

  it("reports malformed JSON as PROVIDER_ERROR", async () => {
    harness.server.inject({ kind: "malformed", service: "alphaVantage" });
    expect(await rejectionOf(spy())).toMatchObject({
      code: "PROVIDER_ERROR",
      message: expect.stringMatching(/malformed JSON/),
    });
  });
});

describe("HTTP failures", () => {
  it("retries HTTP 500s and then succeeds", async () => {
    harness.server.inject({ kind: "http-error", status: 500, times: 2 });
    expect((await spy()).at(-1)?.date).toBe(RANGE.end);
    expect(harness.server.count()).toBe(3);
    expect(harness.logs.some((line) => line.includes("HTTP 500") && line.includes("retry"))).toBe(true);
  });

  it("gives up with PROVIDER_ERROR past the retry bound, without leaking the key", async () => {
    harness.server.inject({ kind: "http-error", status: 503, times: 3 });
    const error = await rejectionOf(spy());
    expect(error).toMatchObject({ code: "PROVIDER_ERROR", details: { status: 503 } });
    expect(error.message).toContain("after 3 attempts");
    expect(error.message).toContain("apikey=***");
    expect(shown(error)).not.toContain(TEST_KEY);
    expect(harness.logs.join("\n")).not.toContain(TEST_KEY);
    expect(harness.server.count()).toBe(3);
  });

  it("times out a request that never gets an answer, retries, and succeeds", async () => {
    // 3 s: short enough to wait out, long enough for the retry's answer on a loaded machine.
    const short = await startHarness({}, { http: { timeoutMs: 3_000, retries: 2, backoffMs: 1, maxBackoffMs: 5 } });
    try {
      short.server.inject({ kind: "hang", service: "treasury" });
      const days = await short.market.yieldCurve.fetchYieldCurve({ start: "2021-11-01", end: "2021-11-19" });
      expect(days.at(-1)?.date).toBe("2021-11-19");
      expect(short.logs.some((line) => line.includes("timeout"))).toBe(true);
    } finally {
      await short.server.close();
    }
  });

  it("reports a service that keeps hanging as PROVIDER_ERROR naming the timeout", async () => {
    // Every attempt hangs, so no answer can be too slow: a short timeout only shortens the test.
    const short = await startHarness({}, { http: { timeoutMs: 500, retries: 2, backoffMs: 1, maxBackoffMs: 5 } });
    try {
      short.server.inject({ kind: "hang", times: 3 });
      const error = await rejectionOf(short.market.prices.fetchDaily("SPY", "equity", RANGE));
      expect(error).toMatchObject({ code: "PROVIDER_ERROR" });
      expect(error.message).toMatch(/timeout/);
      expect(shown(error)).not.toContain(TEST_KEY);
    } finally {
      await short.server.close();
    }
  });

  it("a body that trickles in a byte at a time, never idle, still ends at the timeout (a deadline on the whole answer)", async () => {
    const short = await startHarness({}, { http: { timeoutMs: 500, retries: 1, backoffMs: 1, maxBackoffMs: 5 } });
    try {
      short.server.inject({ kind: "trickle", intervalMs: 20, times: 2 });
      const error = await rejectionOf(short.market.prices.fetchDaily("SPY", "equity", RANGE));
      expect(error).toMatchObject({ code: "PROVIDER_ERROR" });
      expect(error.message).toMatch(/no answer within 500 ms .*\(timeout\)/);
      expect(short.server.requests.map((request) => request.fault)).toEqual(["trickle", "trickle"]);
    } finally {
      await short.server.close();
    }
  });

  it("reports a refused connection as PROVIDER_ERROR after the retries", async () => {
    const gone = await startFixtureServer();
    await gone.close();
    const market = createMarketData({
      urls: gone.urls,
      env: { ALPHA_VANTAGE_KEY: TEST_KEY },
      http: { retries: 1, backoffMs: 1 },
      alphaVantage: { minIntervalMs: 0 },
    });
    const error = await rejectionOf(market.prices.fetchDaily("SPY", "equity", RANGE));
    expect(error).toMatchObject({ code: "PROVIDER_ERROR" });
    expect(error.message).toMatch(/network error .*after 2 attempts|after 2 attempts .*network error/s);
    expect(shown(error)).not.toContain(TEST_KEY);
  });

  it("reports malformed XML from the Treasury as PROVIDER_ERROR", async () => {
    harness.server.inject({ kind: "malformed", service: "treasury" });
    const error = await rejectionOf(harness.market.yieldCurve.fetchYieldCurve(RANGE));
    expect(error).toMatchObject({ code: "PROVIDER_ERROR", message: expect.stringMatching(/malformed XML/) });
  });

  it("the fixture server's request log never holds the key", () => {
    expect(harness.server.requests.length).toBe(0);
    return spy().then(() => {
      expect(harness.server.requests[0]?.url).toBe("/query?function=TIME_SERIES_DAILY&symbol=SPY&outputsize=full");
      expect(harness.server.requests[0]?.keyed).toBe(true);
      expect(JSON.stringify(harness.server.requests)).not.toContain(TEST_KEY);
    });
  });
});
