import type { DateRange } from "@scrilla/core";

/** One request period of the Treasury XML feed: a whole year or one month. */
export type TreasuryPeriod = { year: number } | { month: string /* YYYYMM */ };

// A range of up to this many months is fetched month by month; longer ranges year by year.
const MONTHLY_UP_TO = 3;

/** The year or month periods overlapping `range` (D-35: no page estimation). */
export function treasuryPeriods(range: DateRange): TreasuryPeriod[] {
  const startYear = Number(range.start.slice(0, 4));
  const endYear = Number(range.end.slice(0, 4));
  const startMonth = startYear * 12 + Number(range.start.slice(5, 7)) - 1;
  const endMonth = endYear * 12 + Number(range.end.slice(5, 7)) - 1;
  if (endMonth - startMonth + 1 <= MONTHLY_UP_TO) {
    const months: TreasuryPeriod[] = [];
    for (let m = startMonth; m <= endMonth; m++) {
      months.push({ month: `${Math.floor(m / 12)}${String((m % 12) + 1).padStart(2, "0")}` });
    }
    return months;
  }
  const years: TreasuryPeriod[] = [];
  for (let year = startYear; year <= endYear; year++) years.push({ year });
  return years;
}
