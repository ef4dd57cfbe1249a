import { invalidInput } from "../errors.js";

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DASH = 45;
const ZERO = 48;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * year·10⁴ + month·10² + day of a real calendar date written exactly `YYYY-MM-DD` (ASCII digits), else −1.
 * Character by character, with no allocation: every row of every price file is checked here.
 */
function packedIsoDate(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== DASH || date.charCodeAt(7) !== DASH) return -1;
  let packed = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = date.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    packed = packed * 10 + digit;
  }
  const year = Math.floor(packed / 10_000);
  const month = Math.floor(packed / 100) % 100;
  const day = packed % 100;
  const monthLength = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  return monthLength !== undefined && day >= 1 && day <= monthLength ? packed : -1;
}

/** True for a real (proleptic Gregorian) calendar date written exactly `YYYY-MM-DD`; 2021-02-30 is not one. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === "string" && packedIsoDate(value) >= 0;
}

/**
 * Days since 1970-01-01 of an ISO `YYYY-MM-DD` date (proleptic Gregorian, no time zones).
 * Throws INVALID_INPUT for anything that is not a real calendar date in that exact format.
 */
export function toDayNumber(date: string): number {
  const packed = packedIsoDate(date);
  if (packed >= 0) return dayNumberOf(Math.floor(packed / 10_000), Math.floor(packed / 100) % 100, packed % 100);
  throw invalidInput(`"${date}" is not a date; write dates as YYYY-MM-DD, e.g. 2021-11-19.`, { date });
}

const pad2 = (value: number): string => (value < 10 ? `0${value}` : `${value}`);

/** The ISO `YYYY-MM-DD` date of a day number (days since 1970-01-01); H. Hinnant's civil_from_days. */
export function fromDayNumber(dayNumber: number): string {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
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
    const last = dayNumberOf(year, month + 1, 1) - 1;
    return last - ((weekdayOf(last) - weekday + 7) % 7);
  }
  const first = dayNumberOf(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
}

/**
 * Day number of a year/month/day triple (month 1-based; months outside 1–12 and days past the month's
 * end roll over). H. Hinnant's days_from_civil: exact for years 0001–9999, unlike Date.UTC.
 */
export function dayNumberOf(year: number, month: number, day: number): number {
  const yearsCarried = Math.floor((month - 1) / 12);
  const m = month - 12 * yearsCarried;
  const y = year + yearsCarried - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
