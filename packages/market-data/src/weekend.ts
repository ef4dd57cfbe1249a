/**
 * Saturday or Sunday, for a `YYYY-MM-DD` date, by arithmetic (every row of every file head passes here).
 * It answers as `new Date(`${date}T00:00:00Z`)` would: a day 29–31 past a month's end rolls into the next
 * month, and month 00/13 or day 00/32 is no date (false).
 */
export function isWeekend(date: string): boolean {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return false;
  const weekday = (((daysFromCivil(year, month, day) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return weekday === 0 || weekday === 6;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil); linear in `day`, so a day past the month's end rolls over. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return (
    era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468
  );
}
