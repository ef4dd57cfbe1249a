import type { DateRange } from "@scrilla/core";
import { invalidInput } from "@scrilla/core/errors";

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar date written `YYYY-MM-DD`. Hand-rolled: it runs once per stored row (millions per bench). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false; // "-"
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leapDay = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
  return day <= DAYS_IN_MONTH[month - 1]! + leapDay;
}

/** The decimal number in value[from, to), or -1 if a character is not a digit. */
function digits(value: string, from: number, to: number): number {
  let number = 0;
  for (let i = from; i < to; i++) {
    const code = value.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    number = number * 10 + code;
  }
  return number;
}

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
