/**
 * How records are keyed in both stores: canonical pairs (D-46), unique profile keys (D-42), and the reserved
 * marker rows that record fetched ranges (D-40) inside the prices/interest tables.
 */
import type { DateRange } from "@scrilla/core";
import { invalidInput } from "@scrilla/core/errors";
import type { CorrelationKey, FetchedRangeKind, ProfileKey } from "./cache-store.js";
import { assertDateRange, isIsoDate } from "./date-ranges.js";

/** Sort-key prefix of fetched-range markers; "#" sorts before every digit, so date-range reads never see them. */
export const FETCHED_MARKER_PREFIX = "#fetched#";

/** Partition (maturity column) holding the yield curve's fetched-range markers: the whole curve is fetched at once. */
export const YIELD_CURVE_PARTITION = "#yield-curve";

export const fetchedMarker = (range: DateRange): string => `${FETCHED_MARKER_PREFIX}${range.start}#${range.end}`;

export function parseFetchedMarker(marker: string): DateRange | undefined {
  if (!marker.startsWith(FETCHED_MARKER_PREFIX)) return undefined;
  const [start, end] = marker.slice(FETCHED_MARKER_PREFIX.length).split("#");
  return isIsoDate(start) && isIsoDate(end) ? { start, end } : undefined;
}

/**
 * Sort key of the fetch lease in the marker partition (`#` sorts before every digit and `#lease` is no marker,
 * so neither date-range nor marker reads see it): one lease per ticker, or one for the whole yield curve.
 */
export const FETCH_LEASE_SORT_KEY = "#lease";

/** Prices markers live in the ticker's partition; interest markers in {@link YIELD_CURVE_PARTITION}. */
export const fetchedPartition = (kind: FetchedRangeKind, key: string): string =>
  kind === "prices" ? key : YIELD_CURVE_PARTITION;

export function assertTicker(ticker: unknown): asserts ticker is string {
  if (typeof ticker !== "string" || ticker.length === 0 || ticker.startsWith("#") || ticker.includes("#")) {
    throw invalidInput(`A ticker must be a non-empty symbol without "#"; got ${JSON.stringify(ticker)}.`);
  }
}

function assertKeyText(value: unknown, what: string): asserts value is string {
  if (typeof value !== "string" || value.length === 0 || value.includes("#")) {
    throw invalidInput(`${what} must be a non-empty string without "#"; got ${JSON.stringify(value)}.`);
  }
}

export const weekendsFlag = (weekends: boolean): 0 | 1 => (weekends ? 1 : 0);

export function assertProfileKey(key: ProfileKey): void {
  assertTicker(key?.ticker);
  assertDateRange({ start: key.startDate, end: key.endDate }, "profile");
  assertKeyText(key.method, "profile method");
  if (typeof key.weekends !== "boolean") throw invalidInput("profile weekends must be true or false.");
}

/** `start_date#end_date#method#weekends` — unique per profile (D-42). */
export const profileSortKey = (key: ProfileKey): string =>
  `${key.startDate}#${key.endDate}#${key.method}#${weekendsFlag(key.weekends)}`;

/** The key with `ticker1 <= ticker2`, so a pair is stored once whichever order it is asked in (D-46). */
export function canonicalCorrelationKey(key: CorrelationKey): CorrelationKey {
  assertTicker(key?.ticker1);
  assertTicker(key.ticker2);
  assertDateRange({ start: key.startDate, end: key.endDate }, "correlation");
  assertKeyText(key.method, "correlation method");
  if (typeof key.weekends !== "boolean") throw invalidInput("correlation weekends must be true or false.");
  return key.ticker1 <= key.ticker2 ? key : { ...key, ticker1: key.ticker2, ticker2: key.ticker1 };
}

/** `start_date#end_date#ticker_2#method#weekends` of a canonical key. */
export const correlationSortKey = (key: CorrelationKey): string =>
  `${key.startDate}#${key.endDate}#${key.ticker2}#${key.method}#${weekendsFlag(key.weekends)}`;
