#!/usr/bin/env node
// Regenerates examples/prices/<TICKER>.csv from the recorded AlphaVantage responses in fixtures/,
// in the common `Date,Open,High,Low,Close,Adj Close,Volume` layout, ascending by date.
// The recordings are unadjusted, so "Adj Close" repeats Close. Usage: node examples/prices/convert-fixtures.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const FIRST = "2019-01-02";
const LAST = "2021-11-19";
const TICKERS = ["ALLY", "BX", "DIS", "GLD", "SPY"];

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

for (const ticker of TICKERS) {
  const recorded = JSON.parse(
    readFileSync(here(`../../fixtures/alphavantage/TIME_SERIES_DAILY/${ticker}.json`), "utf8"),
  );
  const days = Object.entries(recorded["Time Series (Daily)"])
    .filter(([date]) => date >= FIRST && date <= LAST)
    .sort(([a], [b]) => a.localeCompare(b));
  const lines = ["Date,Open,High,Low,Close,Adj Close,Volume"];
  for (const [date, bar] of days) {
    const close = Number(bar["4. close"]);
    lines.push(
      [
        date,
        Number(bar["1. open"]),
        Number(bar["2. high"]),
        Number(bar["3. low"]),
        close,
        close,
        Number(bar["5. volume"]),
      ].join(","),
    );
  }
  writeFileSync(here(`./${ticker}.csv`), `${lines.join("\n")}\n`);
  console.error(`${ticker}.csv: ${days.length} days ${days[0]?.[0]}..${days.at(-1)?.[0]}`);
}
