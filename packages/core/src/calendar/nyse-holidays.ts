import { dayNumberOf, fromDayNumber, nthWeekdayOfMonth, toDayNumber, weekdayOf } from "./iso-date.js";

/** A weekday on which NYSE does not trade, with the reason. */
export interface MarketClosure {
  date: string;
  name: string;
}

/** First and last year the NYSE calendar is maintained for (special closures are data, not rules). */
export const NYSE_FIRST_YEAR = 1990;
export const NYSE_LAST_YEAR = 2035;

/** Unscheduled full-day NYSE closures (mourning days, 9/11, Hurricane Sandy). */
export const NYSE_SPECIAL_CLOSURES: readonly MarketClosure[] = [
  { date: "1994-04-27", name: "National Day of Mourning for Richard Nixon" },
  { date: "2001-09-11", name: "September 11 attacks" },
  { date: "2001-09-12", name: "September 11 attacks" },
  { date: "2001-09-13", name: "September 11 attacks" },
  { date: "2001-09-14", name: "September 11 attacks" },
  { date: "2004-06-11", name: "National Day of Mourning for Ronald Reagan" },
  { date: "2007-01-02", name: "National Day of Mourning for Gerald Ford" },
  { date: "2012-10-29", name: "Hurricane Sandy" },
  { date: "2012-10-30", name: "Hurricane Sandy" },
  { date: "2018-12-05", name: "National Day of Mourning for George H. W. Bush" },
  { date: "2025-01-09", name: "National Day of Mourning for Jimmy Carter" },
];

const SATURDAY = 6;
const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;

/** Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberOf(year, month, day);
}

/** NYSE rule for fixed-date holidays: Saturday → preceding Friday, Sunday → following Monday. */
function observed(dayNumber: number): number {
  const weekday = weekdayOf(dayNumber);
  if (weekday === SATURDAY) return dayNumber - 1;
  if (weekday === SUNDAY) return dayNumber + 1;
  return dayNumber;
}

/**
 * Scheduled NYSE full-day holidays of a year as day numbers with their names, in rule order (not sorted).
 * New Year's Day on a Saturday has no substitute (NYSE stays open on the last trading day of the year);
 * MLK Day from 1998; Juneteenth from 2022.
 */
function scheduledHolidayDays(year: number): [number, string][] {
  const holidays: [number, string][] = [];
  const newYear = dayNumberOf(year, 1, 1);
  if (weekdayOf(newYear) !== SATURDAY) holidays.push([observed(newYear), "New Year's Day"]);
  if (year >= 1998) holidays.push([nthWeekdayOfMonth(year, 1, MONDAY, 3), "Martin Luther King Jr. Day"]);
  holidays.push([nthWeekdayOfMonth(year, 2, MONDAY, 3), "Washington's Birthday"]);
  holidays.push([easterSunday(year) - 2, "Good Friday"]);
  holidays.push([nthWeekdayOfMonth(year, 5, MONDAY, -1), "Memorial Day"]);
  if (year >= 2022) holidays.push([observed(dayNumberOf(year, 6, 19)), "Juneteenth National Independence Day"]);
  holidays.push([observed(dayNumberOf(year, 7, 4)), "Independence Day"]);
  holidays.push([nthWeekdayOfMonth(year, 9, MONDAY, 1), "Labor Day"]);
  holidays.push([nthWeekdayOfMonth(year, 11, THURSDAY, 4), "Thanksgiving Day"]);
  holidays.push([observed(dayNumberOf(year, 12, 25)), "Christmas Day"]);
  return holidays;
}

/** Scheduled NYSE full-day holidays of a year, observed dates, ascending (see scheduledHolidayDays). */
export function nyseScheduledHolidays(year: number): MarketClosure[] {
  return scheduledHolidayDays(year)
    .sort((x, y) => x[0] - y[0])
    .map(([day, name]) => ({ date: fromDayNumber(day), name }));
}

/**
 * The day numbers of every weekday NYSE is closed from `firstYear` to `lastYear`, unordered: what the
 * session table needs, without a date string per closure.
 */
export function nyseClosureDays(firstYear: number, lastYear: number): number[] {
  const days: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    for (const [day] of scheduledHolidayDays(year)) days.push(day);
  }
  const first = dayNumberOf(firstYear, 1, 1);
  const last = dayNumberOf(lastYear, 12, 31);
  for (const closure of NYSE_SPECIAL_CLOSURES) {
    const day = toDayNumber(closure.date);
    if (day >= first && day <= last) days.push(day);
  }
  return days;
}

/** Every weekday NYSE is closed in a year: scheduled holidays plus special closures, ascending. */
export function nyseClosures(year: number): MarketClosure[] {
  const prefix = `${year}-`;
  return [...nyseScheduledHolidays(year), ...NYSE_SPECIAL_CLOSURES.filter((c) => c.date.startsWith(prefix))].sort(
    (x, y) => toDayNumber(x.date) - toDayNumber(y.date),
  );
}
