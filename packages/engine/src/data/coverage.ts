import type { DateRange } from "@scrilla/core";

const DAY_MS = 86_400_000;

export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The parts of `wanted` not covered by `fetched` (inclusive ISO ranges), ascending.
 * A range once asked of a provider counts as covered even where the provider had no rows (D-40).
 */
export function uncoveredRanges(fetched: readonly DateRange[], wanted: DateRange): DateRange[] {
  const sorted = [...fetched].sort((a, b) => a.start.localeCompare(b.start));
  const gaps: DateRange[] = [];
  let cursor = wanted.start;
  for (const range of sorted) {
    if (range.end < cursor) continue;
    if (range.start > wanted.end) break;
    if (range.start > cursor) gaps.push({ start: cursor, end: minDate(addDays(range.start, -1), wanted.end) });
    cursor = maxDate(cursor, addDays(range.end, 1));
    if (cursor > wanted.end) return gaps;
  }
  if (cursor <= wanted.end) gaps.push({ start: cursor, end: wanted.end });
  return gaps;
}

/** One request spanning every gap: providers answer whole histories, so one call beats several. */
export function spanOf(ranges: readonly DateRange[]): DateRange | undefined {
  if (ranges.length === 0) return undefined;
  return { start: ranges[0]!.start, end: ranges[ranges.length - 1]!.end };
}

export const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
