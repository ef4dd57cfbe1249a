import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PriceRow } from "../../src/index.js";

const fixturesDir = fileURLToPath(new URL("../../../../fixtures/alphavantage/TIME_SERIES_DAILY/", import.meta.url));

interface AlphaVantageDaily {
  "Time Series (Daily)": Record<string, { "1. open": string; "4. close": string }>;
}

/** A recorded AlphaVantage daily series (repo `fixtures/`), as it arrives: latest first. */
export function fixturePrices(ticker: string): PriceRow[] {
  const body = JSON.parse(readFileSync(`${fixturesDir}${ticker}.json`, "utf8")) as AlphaVantageDaily;
  return Object.entries(body["Time Series (Daily)"]).map(([date, day]) => ({
    date,
    open: Number(day["1. open"]),
    close: Number(day["4. close"]),
  }));
}

/** `count` consecutive calendar days from `start`, with prices derived from the index. */
export function syntheticPrices(count: number, start = "1990-01-01"): PriceRow[] {
  const day = new Date(`${start}T00:00:00Z`);
  const rows: PriceRow[] = [];
  for (let i = 0; i < count; i++) {
    rows.push({ date: day.toISOString().slice(0, 10), open: 100 + i / 8, close: 100 + i / 4 });
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return rows;
}
