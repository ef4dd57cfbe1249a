#!/usr/bin/env node
// Regenerates the offline statistics from the recorded US Treasury XML (fixtures/treasury/):
// - daily-treasury-rates.csv in the layout of the Treasury's own CSV download (MM/DD/YYYY, latest first,
//   "1 Mo" … "30 Yr" in percent), so a downloaded file can replace it;
// - DGS10.csv and DGS2.csv in the layout of FRED's CSV download (observation_date,<SERIES>; an empty value
//   on weekdays without a publication). FRED republishes these Treasury constant-maturity yields under
//   those ids, so the values are the recorded BC_10YEAR and BC_2YEAR.
// Only days up to LAST (the last day of examples/prices) are kept. Usage: node examples/statistics/convert-fixtures.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const LAST = "2021-11-19";
const COLUMNS = [
  ["1 Mo", "BC_1MONTH"],
  ["2 Mo", "BC_2MONTH"],
  ["3 Mo", "BC_3MONTH"],
  ["6 Mo", "BC_6MONTH"],
  ["1 Yr", "BC_1YEAR"],
  ["2 Yr", "BC_2YEAR"],
  ["3 Yr", "BC_3YEAR"],
  ["5 Yr", "BC_5YEAR"],
  ["7 Yr", "BC_7YEAR"],
  ["10 Yr", "BC_10YEAR"],
  ["20 Yr", "BC_20YEAR"],
  ["30 Yr", "BC_30YEAR"],
];
const FRED = { DGS10: "BC_10YEAR", DGS2: "BC_2YEAR" };

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const xml = readFileSync(here("../../fixtures/treasury/daily_treasury_yield_curve.xml"), "utf8");

const days = [];
for (const [, properties] of xml.matchAll(/<m:properties>([\s\S]*?)<\/m:properties>/g)) {
  const date = /<d:NEW_DATE[^>]*>(\d{4}-\d{2}-\d{2})/.exec(properties)?.[1];
  if (!date || date > LAST) continue;
  const value = (field) => new RegExp(`<d:${field}[^>]*>([^<]*)</d:${field}>`).exec(properties)?.[1] ?? "";
  days.push({ date, values: Object.fromEntries(COLUMNS.map(([, field]) => [field, value(field)])) });
}
days.sort((a, b) => a.date.localeCompare(b.date));

const usDate = (iso) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
const treasury = [
  ["Date", ...COLUMNS.map(([heading]) => `"${heading}"`)].join(","),
  ...[...days].reverse().map((day) => [usDate(day.date), ...COLUMNS.map(([, field]) => day.values[field])].join(",")),
];
writeFileSync(here("./daily-treasury-rates.csv"), `${treasury.join("\n")}\n`);
console.error(`daily-treasury-rates.csv: ${days.length} days ${days[0]?.date}..${days.at(-1)?.date}`);

// FRED lists every weekday; a day the Treasury did not publish (bond market holiday) has no value.
const byDate = new Map(days.map((day) => [day.date, day]));
for (const [series, field] of Object.entries(FRED)) {
  const lines = [`observation_date,${series}`];
  for (let t = Date.parse(`${days[0].date}T00:00:00Z`); t <= Date.parse(`${LAST}T00:00:00Z`); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const weekday = new Date(t).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    lines.push(`${date},${byDate.get(date)?.values[field] ?? ""}`);
  }
  writeFileSync(here(`./${series}.csv`), `${lines.join("\n")}\n`);
  console.error(`${series}.csv: ${lines.length - 1} weekdays`);
}
