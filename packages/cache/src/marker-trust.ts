import type { DateRange } from "@scrilla/core";
import { mergeDateRanges } from "./date-ranges.js";

/** A fetched-range marker as stored: its range and how many rows were written for it (absent on old markers). */
export interface StoredMarker {
  range: DateRange;
  rows: number | undefined;
}

/** Rows inside `range` (inclusive) of an ascending list of ISO dates, by binary search. */
export function countWithin(sortedDates: readonly string[], range: DateRange): number {
  return firstIndexAbove(sortedDates, range.end) - firstIndexAtOrAbove(sortedDates, range.start);
}

function firstIndexAtOrAbove(dates: readonly string[], date: string): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (dates[middle]! < date) low = middle + 1;
    else high = middle;
  }
  return low;
}

function firstIndexAbove(dates: readonly string[], date: string): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (dates[middle]! <= date) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The ranges a reader may treat as fetched: markers whose recorded rows are all still there (rows only ever get
 * added to a range, so fewer means a write was lost). An uncounted marker is trusted only if the backend wrote
 * markers atomically with their rows (SQLite); otherwise it may predate the rows and the range is refetched.
 */
export function trustedRanges(
  markers: readonly StoredMarker[],
  present: (range: DateRange) => number,
  trustUncounted: boolean,
): DateRange[] {
  const trusted = markers.filter(({ range, rows }) =>
    rows === undefined ? trustUncounted : rows === 0 || present(range) >= rows,
  );
  return mergeDateRanges(trusted.map(({ range }) => range));
}

/** Number of distinct dates of `rows` within `covered`: what a marker for `covered` records. */
export function rowsWithin(dates: Iterable<string>, covered: DateRange): number {
  let count = 0;
  for (const date of dates) if (date >= covered.start && date <= covered.end) count++;
  return count;
}
