import { ScrillaError } from "../errors.js";
import { addCalendarDays, calendarDaysFrom, dayNumberOf, fromDayNumber, toDayNumber } from "./iso-date.js";

/** Payment periods in years (spec §6.3). */
export const FREQ_DAY = 1 / 365;
export const FREQ_MONTH = 1 / 12;
export const FREQ_QUARTER = 1 / 4;
export const FREQ_ANNUAL = 1;

const DAYS_PER_YEAR = 365;

function parts(date: string): [number, number] {
  const [year, month] = date.split("-").map(Number);
  return [year as number, month as number];
}

function yearsUntil(today: string, dayNumber: number): number {
  return (dayNumber - toDayNumber(today)) / DAYS_PER_YEAR;
}

/** Years (calendar days / 365) from `today` to the 1st of the next month (D-27: December works). */
export function timeToNextMonth(today: string): number {
  const [year, month] = parts(fromDayNumber(toDayNumber(today)));
  return yearsUntil(today, dayNumberOf(year, month + 1, 1));
}

/** Years from `today` to the next quarter start (1 Jan/Apr/Jul/Oct strictly after today). */
export function timeToNextQuarter(today: string): number {
  const [year, month] = parts(fromDayNumber(toDayNumber(today)));
  return yearsUntil(today, dayNumberOf(year, Math.floor((month - 1) / 3) * 3 + 4, 1));
}

/** Years from `today` to the next 1 January. */
export function timeToNextYear(today: string): number {
  const [year] = parts(fromDayNumber(toDayNumber(today)));
  return yearsUntil(today, dayNumberOf(year + 1, 1, 1));
}

/**
 * The first date on or after `today` reached from `start` in steps of floor(365·period) days
 * (`start` itself when it is not before today).
 */
export function nextPeriodDate(start: string, period: number, today: string): string {
  const step = Math.floor(DAYS_PER_YEAR * period);
  if (!Number.isFinite(period) || step < 1) {
    throw new ScrillaError("INVALID_INPUT", `A payment period must be at least one day (1/365 year), got ${period}.`, {
      period,
    });
  }
  const behind = calendarDaysFrom(start, today);
  return addCalendarDays(start, behind <= 0 ? 0 : Math.ceil(behind / step) * step);
}

/** Years (days / 365) from `today` to `nextPeriodDate(start, period, today)` (spec §9.6, D-27). */
export function timeToNextPeriod(start: string, period: number, today: string): number {
  return calendarDaysFrom(today, nextPeriodDate(start, period, today)) / DAYS_PER_YEAR;
}
