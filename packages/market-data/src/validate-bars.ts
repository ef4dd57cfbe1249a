import { ScrillaError, type ScrillaErrorCode } from "@scrilla/core";
import { isIsoDate } from "./date-range.js";
import { isSanePrice, MAX_PRICE, MIN_PRICE } from "./price-bounds.js";
import type { PriceBar } from "./provider-types.js";

/** A bar as a provider read it, with where it came from ("SPY.csv line 12", "AlphaVantage SPY 2024-01-02"). */
export interface SourcedBar extends PriceBar {
  source: string;
}

export interface BarCheck {
  /** INVALID_INPUT for the user's own files, PROVIDER_ERROR for a service's answer. */
  code: ScrillaErrorCode;
  /** What to do about a bad row, appended to the message. */
  advice: string;
}

/**
 * The one gate every provider's prices pass before the cache sees them: real dates, finite prices in
 * (MIN_PRICE, MAX_PRICE], ascending and unique by date. An exact repeat of a row is dropped; two different rows
 * for one date are an error naming both, since either could be the wrong one.
 */
export function validatedBars(bars: readonly SourcedBar[], check: BarCheck): PriceBar[] {
  const fail = (message: string, source: string): never => {
    throw new ScrillaError(check.code, `${source}: ${message} ${check.advice}`, { source });
  };
  for (const bar of bars) {
    if (!isIsoDate(bar.date)) fail(`"${bar.date}" is not a real date (YYYY-MM-DD).`, bar.source);
    if (!isSanePrice(bar.close))
      fail(`the close ${bar.close} is not a price in (${MIN_PRICE}, ${MAX_PRICE}].`, bar.source);
    if (bar.open !== null && !isSanePrice(bar.open)) {
      fail(`the open ${bar.open} is not a price in (${MIN_PRICE}, ${MAX_PRICE}].`, bar.source);
    }
  }
  // Files and services give their rows in date order, either way: only the rest need a sort.
  const sorted = inDateOrder(bars);
  const result: PriceBar[] = [];
  let previous: SourcedBar | undefined;
  for (const bar of sorted) {
    if (previous?.date === bar.date) {
      if (previous.close !== bar.close || previous.open !== bar.open) {
        fail(`${bar.date} appears twice with different prices (also ${previous.source}); keep one row.`, bar.source);
      }
      continue;
    }
    result.push({ date: bar.date, open: bar.open, close: bar.close });
    previous = bar;
  }
  return result;
}

/** `bars` ascending by date (stable: equal dates keep their order), without a sort when already in either order. */
function inDateOrder(bars: readonly SourcedBar[]): readonly SourcedBar[] {
  let ascending = true;
  let descending = true;
  for (let i = 1; i < bars.length && (ascending || descending); i++) {
    const previous = bars[i - 1]!.date;
    const date = bars[i]!.date;
    if (date < previous) ascending = false;
    else if (date > previous) descending = false;
    else ascending = descending = false; // a repeated date: the sort keeps the rows in file order
  }
  if (ascending) return bars;
  if (descending) return [...bars].reverse();
  return [...bars].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
