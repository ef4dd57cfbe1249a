import { invalidInput } from "@scrilla/core/errors";
import { isMaturity } from "@scrilla/core/maturities";
import type { InterestRow, PriceRow, ProfileFields } from "./cache-store.js";
import { isIsoDate } from "./date-ranges.js";

const isFiniteNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** A price can be neither zero nor negative; the cache refuses such rows as a last line of defence. */
const isPrice = (value: unknown): value is number => isFiniteNumber(value) && value > 0;

/** Checks every row before anything is written, so a bad row never leaves a batch half stored. */
export function assertPriceRows(ticker: string, rows: readonly PriceRow[]): void {
  if (!Array.isArray(rows)) throw invalidInput(`Prices for ${ticker} must be an array of {date, open, close} rows.`);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (!isIsoDate(row?.date) || !isPrice(row.close) || !(row.open === null || isPrice(row.open))) {
      throw invalidInput(
        `Price row ${i} for ${ticker} is invalid (${JSON.stringify(row)}): date must be YYYY-MM-DD, close a positive finite number, open a positive finite number or null.`,
      );
    }
  }
}

export function assertInterestRows(rows: readonly InterestRow[]): void {
  if (!Array.isArray(rows)) throw invalidInput("Interest rows must be an array of {maturity, date, value} rows.");
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (
      typeof row?.maturity !== "string" ||
      !isMaturity(row.maturity) ||
      !isIsoDate(row.date) ||
      !(row.value === null || isFiniteNumber(row.value))
    ) {
      throw invalidInput(
        `Interest row ${i} is invalid (${JSON.stringify(row)}): maturity must be one of MATURITIES, date YYYY-MM-DD, value a finite number or null.`,
      );
    }
  }
}

export const PROFILE_FIELD_NAMES = [
  "annual_return",
  "annual_volatility",
  "sharpe_ratio",
  "asset_beta",
  "equity_cost",
] as const satisfies readonly (keyof ProfileFields)[];

/** Keeps the defined statistics; rejects unknown names and non-finite values. */
export function definedProfileFields(fields: ProfileFields): ProfileFields {
  if (typeof fields !== "object" || fields === null) throw invalidInput("Profile fields must be an object.");
  const known = new Set<string>(PROFILE_FIELD_NAMES);
  const result: ProfileFields = {};
  for (const [name, value] of Object.entries(fields)) {
    if (!known.has(name)) {
      throw invalidInput(`Unknown profile field "${name}"; use ${PROFILE_FIELD_NAMES.join(", ")}.`);
    }
    if (value === undefined) continue;
    if (!isFiniteNumber(value)) throw invalidInput(`Profile field ${name} must be a finite number; got ${value}.`);
    result[name as keyof ProfileFields] = value;
  }
  return result;
}

export function assertCorrelationValue(correlation: number): void {
  // A little slack: estimators can land a rounding error outside [-1, 1].
  if (!isFiniteNumber(correlation) || Math.abs(correlation) > 1 + 1e-9) {
    throw invalidInput(`A correlation must be a finite number in [-1, 1]; got ${correlation}.`);
  }
}
