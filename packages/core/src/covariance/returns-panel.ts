import { ScrillaError } from "../errors.js";
import { logReturns } from "../returns/log-returns.js";

/**
 * Aligned daily returns of many assets: row-major `assets × days`, element (asset i, day t) at
 * `values[i * days + t]`. Build it from aligned prices with `returnsPanelFromPrices`.
 */
export interface ReturnsPanel {
  assets: number;
  days: number;
  values: Float64Array;
}

/** Packs equally long return rows (one per asset) into a panel; rows must be aligned on the same dates. */
export function returnsPanel(rows: readonly ArrayLike<number>[]): ReturnsPanel {
  if (rows.length === 0) {
    throw new ScrillaError("SAMPLE_TOO_SMALL", "a returns panel needs at least one asset");
  }
  const days = rows[0]!.length;
  const values = new Float64Array(rows.length * days);
  rows.forEach((row, i) => {
    if (row.length !== days) {
      throw new ScrillaError(
        "UNALIGNED_SERIES",
        `asset ${i} has ${row.length} returns but asset 0 has ${days}; align every series on common dates first`,
        { asset: i, days: row.length, expected: days },
      );
    }
    for (let t = 0; t < days; t++) {
      const value = row[t]!;
      if (!Number.isFinite(value)) {
        throw nonFiniteReturn(i, t, value);
      }
      values[i * days + t] = value;
    }
  });
  return { assets: rows.length, days, values };
}

/**
 * Daily log returns of aligned price rows (oldest first), as a panel: the same checks and numbers as
 * `returnsPanel(prices.map(logReturns))`, written straight into the panel in one pass per row (the
 * generic path costs ~10× the logarithms themselves at 500 × 1,260).
 */
export function returnsPanelFromPrices(prices: readonly ArrayLike<number>[]): ReturnsPanel {
  if (prices.length === 0) return returnsPanel([]);
  const length = prices[0]!.length;
  if (length < 2) logReturns(prices[0]!); // throws SAMPLE_TOO_SMALL with the usual message
  const days = length - 1;
  const values = new Float64Array(prices.length * days);
  for (let i = 0; i < prices.length; i++) {
    const row = prices[i]!;
    if (row.length !== length) return returnsPanel(prices.map((r) => logReturns(r))); // the usual errors
    writeLogReturns(row, values, i * days, i);
  }
  return { assets: prices.length, days, values };
}

/**
 * ln(P[t+1] / P[t]) of one price row (at least 2 prices) into `into[base + t]`, in one pass; throws
 * logReturns' INVALID_INPUT for a bad price, or returnsPanel's for a ratio that over- or underflows.
 * Every ratio in (0, ∞) after a finite positive first price implies every price is finite and positive.
 */
export function writeLogReturns(row: ArrayLike<number>, into: Float64Array, base: number, asset: number): void {
  const length = row.length;
  let previous = row[0]!;
  let valid = previous > 0 && previous < Number.POSITIVE_INFINITY;
  for (let t = 1; t < length; t++) {
    const price = row[t]!;
    const ratio = price / previous;
    valid = valid && ratio > 0 && ratio < Number.POSITIVE_INFINITY;
    into[base + t - 1] = Math.log(ratio);
    previous = price;
  }
  if (valid) return;
  logReturns(row); // throws INVALID_INPUT naming the first bad price
  for (let t = 0; t < length - 1; t++) {
    const value = into[base + t]!;
    if (!Number.isFinite(value)) {
      throw nonFiniteReturn(asset, t, value);
    }
  }
}

function nonFiniteReturn(asset: number, day: number, value: number): ScrillaError {
  return new ScrillaError("INVALID_INPUT", `return of asset ${asset} on day ${day} is ${value}; repair the price data`);
}

export function assertPanel(panel: ReturnsPanel, minimumDays: number): void {
  const { assets, days, values } = panel;
  if (!Number.isInteger(assets) || !Number.isInteger(days) || assets < 1 || values.length !== assets * days) {
    throw new ScrillaError(
      "INVALID_INPUT",
      `returns panel shape is inconsistent: ${assets} assets × ${days} days but ${values.length} values`,
    );
  }
  if (days < minimumDays) {
    throw new ScrillaError("SAMPLE_TOO_SMALL", `got ${days} day(s) of returns, at least ${minimumDays} are needed`, {
      days,
      minimum: minimumDays,
    });
  }
}
