import { addCalendarDays, toDayNumber } from "../calendar/iso-date.js";
import {
  FREQ_ANNUAL,
  FREQ_DAY,
  FREQ_MONTH,
  FREQ_QUARTER,
  nextPeriodDate,
  timeToNextMonth,
  timeToNextQuarter,
  timeToNextYear,
} from "../calendar/period-helpers.js";

/** When the next dividend is expected: its date and the years from today to it. */
export interface NextPayment {
  date: string;
  years: number;
}

const inYears = (today: string, years: number): NextPayment => ({
  date: addCalendarDays(today, Math.round(years * 365)),
  years,
});

/**
 * Time to the first future payment (spec §6.4, D-27 fixed): named periods pay at the next calendar
 * boundary (1 January, quarter start, 1st of the month, tomorrow); any other period steps
 * floor(365·period) days from the latest payment until on or after today.
 */
export function timeToNextPayment(latestPayment: string, period: number, today: string): NextPayment {
  if (period === FREQ_ANNUAL) return inYears(today, timeToNextYear(today));
  if (period === FREQ_QUARTER) return inYears(today, timeToNextQuarter(today));
  if (period === FREQ_MONTH) return inYears(today, timeToNextMonth(today));
  if (period === FREQ_DAY) return inYears(today, FREQ_DAY);
  const date = nextPeriodDate(latestPayment, period, today);
  return { date, years: (toDayNumber(date) - toDayNumber(today)) / 365 };
}
