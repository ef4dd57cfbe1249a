import type { DateRange } from "@scrilla/core";
import { invalidInput } from "@scrilla/core";

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const isIsoDate = (value: unknown): value is string =>
  typeof value === "string" && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

export function assertIsoDate(value: unknown, what: string): asserts value is string {
  if (!isIsoDate(value)) {
    throw invalidInput(`${what} must be an ISO date YYYY-MM-DD; got ${JSON.stringify(value)}.`);
  }
}

/** Validates an inclusive range: both ends ISO dates, start not after end. */
export function assertDateRange(range: DateRange, what = "date range"): void {
  assertIsoDate(range?.start, `${what} start`);
  assertIsoDate(range.end, `${what} end`);
  if (range.start > range.end) {
    throw invalidInput(`${what} starts after it ends (${range.start} > ${range.end}); swap the dates.`);
  }
}

const nextDay = (date: string): string => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
};

/** Sorts and merges overlapping or day-adjacent inclusive ranges. */
export function mergeDateRanges(ranges: readonly DateRange[]): DateRange[] {
  const sorted = [...ranges].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: DateRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= nextDay(last.end)) {
      if (range.end > last.end) last.end = range.end;
    } else {
      merged.push({ start: range.start, end: range.end });
    }
  }
  return merged;
}
