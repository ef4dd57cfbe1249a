import { cp, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_FIXTURES_DIR } from "../src/testing/index.js";
import { type Harness, RANGE, readRecorded, startHarness, tempDir } from "./support.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.server.close());

const closeOn = async (ticker: string, date: string): Promise<number | undefined> => {
  const bars = await harness.market.prices.fetchDaily(ticker, "equity", RANGE);
  return bars.find((bar) => bar.date === date)?.close;
};

describe("AlphaVantage prices over HTTP (spec §7.9)", () => {
  it.each([
    ["ALLY", "2021-10-22", 50.7],
    ["BX", "2021-09-08", 128.31],
    ["DIS", "2021-10-04", 173.46],
  ])("%s closes on %s at %s", async (ticker, date, expected) => {
    expect(await closeOn(ticker, date)).toBeCloseTo(expected, 9);
  });

  it.each([
    ["ALLY", "equity", "TIME_SERIES_DAILY", "Time Series (Daily)"],
    ["SPY", "equity", "TIME_SERIES_DAILY", "Time Series (Daily)"],
    ["BTC", "crypto", "DIGITAL_CURRENCY_DAILY", "Time Series (Digital Currency Daily)"],
    ["ALGO", "crypto", "DIGITAL_CURRENCY_DAILY", "Time Series (Digital Currency Daily)"],
  ] as const)("%s (%s) spans exactly the range's start and end, ascending", async (ticker, type, fn, key) => {
    const bars = await harness.market.prices.fetchDaily(ticker, type, RANGE);
    expect(bars[0]?.date).toBe(RANGE.start);
    expect(bars.at(-1)?.date).toBe(RANGE.end);
    const dates = bars.map((bar) => bar.date);
    expect(dates).toEqual([...dates].sort());
    // Independent count straight from the recorded file.
    const recorded = JSON.parse(await readRecorded("alphavantage", fn, `${ticker}.json`))[key] as Record<
      string,
      unknown
    >;
    const inRange = Object.keys(recorded).filter((date) => date >= RANGE.start && date <= RANGE.end);
    expect(bars).toHaveLength(inRange.length);
  });

  it("reads crypto open and close from the `1a./4a. (USD)` fields", async () => {
    const bars = await harness.market.prices.fetchDaily("btc", "crypto", { start: "2021-11-21", end: "2021-11-21" });
    expect(bars).toEqual([{ date: "2021-11-21", open: 59707.52, close: 58622.02 }]);
  });

  it("filters by range without needing the endpoints to be trading days (D-32)", async () => {
    const bars = await harness.market.prices.fetchDaily("SPY", "equity", { start: "2021-11-13", end: "2021-11-21" });
    expect(bars.map((bar) => bar.date)).toEqual(["2021-11-15", "2021-11-16", "2021-11-17", "2021-11-18", "2021-11-19"]);
  });

  it("rejects an inverted range with INVALID_INPUT", async () => {
    await expect(
      harness.market.prices.fetchDaily("SPY", "equity", { start: "2021-11-19", end: "2021-07-14" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("newer crypto responses and free keys", () => {
  it("reads the plain `1. open`/`4. close` spelling", async () => {
    const dir = await tempDir("crypto");
    await cp(DEFAULT_FIXTURES_DIR, dir, { recursive: true });
    const series = {
      "2021-11-20": { "1. open": "100.5", "2. high": "110", "3. low": "99", "4. close": "105.25", "5. volume": "7" },
      "2021-11-21": { "1. open": "105.25", "2. high": "111", "3. low": "101", "4. close": "108", "5. volume": "9" },
    };
    await mkdir(join(dir, "alphavantage", "DIGITAL_CURRENCY_DAILY"), { recursive: true });
    await writeFile(
      join(dir, "alphavantage", "DIGITAL_CURRENCY_DAILY", "NEWC.json"),
      JSON.stringify({ "Meta Data": {}, "Time Series (Digital Currency Daily)": series }),
    );
    const local = await startHarness({ dir });
    try {
      const bars = await local.market.prices.fetchDaily("NEWC", "crypto", { start: "2021-11-01", end: "2021-11-30" });
      expect(bars).toEqual([
        { date: "2021-11-20", open: 100.5, close: 105.25 },
        { date: "2021-11-21", open: 105.25, close: 108 },
      ]);
    } finally {
      await local.server.close();
    }
  });

  it("warns about a suspected unadjusted split (D-33)", async () => {
    const dir = await tempDir("split");
    await cp(DEFAULT_FIXTURES_DIR, dir, { recursive: true });
    const day = (close: string) => ({ "1. open": close, "4. close": close });
    const series = { "2021-11-19": day("25.5"), "2021-11-18": day("101"), "2021-11-17": day("100") };
    await writeFile(
      join(dir, "alphavantage", "TIME_SERIES_DAILY", "SPLT.json"),
      JSON.stringify({ "Meta Data": {}, "Time Series (Daily)": series }),
    );
    const local = await startHarness({ dir });
    try {
      const bars = await local.market.prices.fetchDaily("SPLT", "equity", { start: "2021-11-01", end: "2021-11-30" });
      expect(bars.map((bar) => bar.close)).toEqual([100, 101, 25.5]);
      const warnings = local.logs.filter((line) => line.includes("D-33"));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain("2021-11-19");
    } finally {
      await local.server.close();
    }
  });

  it("falls back to compact output with a warning when the key is not entitled to outputsize=full", async () => {
    const local = await startHarness({ freeKey: true });
    try {
      const first = await local.market.prices.fetchDaily("SPY", "equity", { start: "2021-11-01", end: "2021-11-19" });
      expect(first.at(-1)).toMatchObject({ date: "2021-11-19" });
      expect(local.logs.some((line) => line.startsWith("warn:") && line.includes("compact"))).toBe(true);
      await local.market.prices.fetchDaily("ALLY", "equity", { start: "2021-11-01", end: "2021-11-19" });
      // The refusal is remembered: only the very first request asked for the full history.
      expect(local.server.count({ params: { outputsize: "full" } })).toBe(1);
      expect(local.server.count({ params: { outputsize: "compact" } })).toBe(2);
      const old = await local.market.prices.fetchDaily("SPY", "equity", { start: "2021-01-01", end: "2021-03-01" });
      expect(old).toEqual([]); // beyond the 100 days compact output holds
    } finally {
      await local.server.close();
    }
  });
});
