#!/usr/bin/env node
// Regenerates examples/dividends/<TICKER>.csv from the recorded AlphaVantage DIVIDENDS responses in
// fixtures/: one row per payment with the endpoint's own field names, latest first as recorded.
// "None" (a date AlphaVantage does not know) is kept as recorded. Usage: node examples/dividends/convert-fixtures.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const TICKERS = ["ALLY", "BX", "DIS"];
const FIELDS = ["ex_dividend_date", "declaration_date", "record_date", "payment_date", "amount"];

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

for (const ticker of TICKERS) {
  const recorded = JSON.parse(readFileSync(here(`../../fixtures/alphavantage/DIVIDENDS/${ticker}.json`), "utf8"));
  const lines = [FIELDS.join(","), ...recorded.data.map((payment) => FIELDS.map((field) => payment[field]).join(","))];
  writeFileSync(here(`./${ticker}.csv`), `${lines.join("\n")}\n`);
  console.error(`${ticker}.csv: ${recorded.data.length} payments`);
}
