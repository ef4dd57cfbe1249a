import { newYorkTime } from "./new-york-time.js";
import { NYSE_CALENDAR } from "./nyse-calendar.js";

/** When the NYSE closing price of a day counts as available. */
export interface MarketCloseOptions {
  /** Minutes after midnight New York time at which the session closes; 960 = 16:00. */
  closeMinute?: number;
  /** Extra minutes to wait for data providers to publish the close. */
  dataLagMinutes?: number;
}

/**
 * The latest NYSE date whose close is available at instant `now`: today (New York) if it trades and the
 * close (+ lag) has passed, else the previous trading day (spec §9.3 RECOMMENDED, D-57).
 * Early-close sessions (13:00) are treated as 16:00 closes.
 */
export function lastCloseDate(now: Date, options: MarketCloseOptions = {}): string {
  const { closeMinute = 16 * 60, dataLagMinutes = 0 } = options;
  const { date, minuteOfDay } = newYorkTime(now);
  if (NYSE_CALENDAR.isTradingDay(date) && minuteOfDay >= closeMinute + dataLagMinutes) return date;
  return NYSE_CALENDAR.previousTradingDay(date);
}
