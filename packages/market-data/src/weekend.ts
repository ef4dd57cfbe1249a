import { dayNumberOf, weekdayOf } from "@scrilla/core";

/**
 * Saturday or Sunday, for a `YYYY-MM-DD` date, by arithmetic (every row of every file head passes here).
 * It answers as `new Date(`${date}T00:00:00Z`)` would: a day 29–31 past a month's end rolls into the next
 * month (day numbers are linear in the day), and month 00/13 or day 00/32 is no date (false).
 */
export function isWeekend(date: string): boolean {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return false;
  const weekday = weekdayOf(dayNumberOf(Number(date.slice(0, 4)), month, day));
  return weekday === 0 || weekday === 6;
}
