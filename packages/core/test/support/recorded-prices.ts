/** Test-only: the recorded AlphaVantage responses in /fixtures turned into ascending PriceSeries. */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { PriceSeries } from "../../src/index.js";

export const FIXTURES_DIR = resolve(import.meta.dirname, "../../../../fixtures");
export const START = "2021-07-14";
export const END = "2021-11-19";

type Bar = Record<string, string>;

export function recordedPrices(ticker: string, start = START, end = END): PriceSeries {
  const crypto = ["BTC", "ALGO"].includes(ticker);
  const file = crypto
    ? join(FIXTURES_DIR, "alphavantage/DIGITAL_CURRENCY_DAILY", `${ticker}.json`)
    : join(FIXTURES_DIR, "alphavantage/TIME_SERIES_DAILY", `${ticker}.json`);
  const body = JSON.parse(readFileSync(file, "utf8")) as Record<string, Record<string, Bar>>;
  const rows = body[crypto ? "Time Series (Digital Currency Daily)" : "Time Series (Daily)"]!;
  const dates = Object.keys(rows)
    .filter((d) => d >= start && d <= end)
    .sort();
  const field = (bar: Bar, names: string[]) => Number(names.map((n) => bar[n]).find((v) => v !== undefined));
  return {
    dates,
    close: Float64Array.from(dates, (d) => field(rows[d]!, ["4a. close (USD)", "4. close"])),
    open: Float64Array.from(dates, (d) => field(rows[d]!, ["1a. open (USD)", "1. open"])),
  };
}

export function recordedDividends(ticker: string): { date: string; amount: number }[] {
  const body = JSON.parse(readFileSync(join(FIXTURES_DIR, "alphavantage/DIVIDENDS", `${ticker}.json`), "utf8")) as {
    data: { payment_date: string; amount: string }[];
  };
  return body.data.map((d) => ({ date: d.payment_date, amount: Number(d.amount) }));
}
