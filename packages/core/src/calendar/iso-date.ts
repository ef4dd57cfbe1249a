import { invalidInput } from "../errors.js";

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of an ISO `YYYY-MM-DD` date (UTC, so no daylight-saving surprises).
 * Throws INVALID_INPUT for anything that is not a real calendar date in that exact format.
 */
export function toDayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  if (match) {
    const [, year, month, day] = match;
    const dayNumber = Date.UTC(Number(year), Number(month) - 1, Number(day)) / MS_PER_DAY;
    if (fromDayNumber(dayNumber) === date) return dayNumber;
  }
  throw invalidInput(`"${date}" is not a date; write dates as YYYY-MM-DD, e.g. 2021-11-19.`, { date });
}

/** The ISO `YYYY-MM-DD` date of a day number (days since 1970-01-01). */
export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Throws INVALID_INPUT unless `date` is a real `YYYY-MM-DD` date; returns it unchanged. */
export function assertIsoDate(date: string): string {
  toDayNumber(date);
  return date;
}

/** The date `days` calendar days after `date` (negative to go back). */
export function addCalendarDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Signed number of calendar days from `from` to `to` (0 when equal). */
export function calendarDaysFrom(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Day of the week of a day number, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Day number of the nth (1-based) given weekday of a month, or the last one when n = -1. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): number {
  if (n === -1) {
    const last = Date.UTC(year, month, 0) / MS_PER_DAY;
    return last - ((weekdayOf(last) - weekday + 7) % 7);
  }
  const first = Date.UTC(year, month - 1, 1) / MS_PER_DAY;
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
}

/** Day number of a year/month/day triple (month 1-based). */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}
