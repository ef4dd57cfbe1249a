import { ScrillaError } from "../errors.js";
import type { PriceSeries } from "../types.js";

/** Two price series cut to their common dates, ascending. */
export interface AlignedPrices {
  dates: string[];
  first: Float64Array;
  second: Float64Array;
}

/** Throws unless `dates` and `close` have equal length and dates are strictly ascending. */
export function assertSeriesShape(series: PriceSeries, what: string): void {
  if (series.dates.length !== series.close.length) {
    throw new ScrillaError(
      "INVALID_INPUT",
      `${what}: ${series.dates.length} dates but ${series.close.length} closes; give one close per date`,
    );
  }
  for (let i = 1; i < series.dates.length; i++) {
    if (!(series.dates[i - 1]! < series.dates[i]!)) {
      throw new ScrillaError(
        "INVALID_INPUT",
        `${what}: dates must be strictly ascending (oldest first), but ${series.dates[i - 1]} is followed by ${series.dates[i]}`,
      );
    }
  }
}

/**
 * Cuts both series to the intersection of their dates (§1.6; one rule for every asset-type mix:
 * callers filter crypto to trading days beforehand when `weekends` is false). Returns are then
 * taken between adjacent common dates, so paired returns always span the same interval.
 */
export function alignSeries(first: PriceSeries, second: PriceSeries): AlignedPrices {
  assertSeriesShape(first, "first series");
  assertSeriesShape(second, "second series");
  const dates: string[] = [];
  const a: number[] = [];
  const b: number[] = [];
  let i = 0;
  let j = 0;
  while (i < first.dates.length && j < second.dates.length) {
    const left = first.dates[i]!;
    const right = second.dates[j]!;
    if (left === right) {
      dates.push(left);
      a.push(first.close[i]!);
      b.push(second.close[j]!);
      i++;
      j++;
    } else if (left < right) i++;
    else j++;
  }
  if (dates.length === 0) {
    throw new ScrillaError(
      "UNALIGNED_SERIES",
      "the two price series share no date; choose overlapping date ranges (or trading-day samples for mixed asset types)",
    );
  }
  return { dates, first: Float64Array.from(a), second: Float64Array.from(b) };
}
