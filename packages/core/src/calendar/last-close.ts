import { ScrillaError } from "../errors.js";
import { NYSE_CALENDAR } from "./nyse-calendar.js";

/** When the NYSE closing price of a day counts as available. */
export interface MarketCloseOptions {
  /** Minutes after midnight New York time at which the session closes; 960 = 16:00. */
  closeMinute?: number;
  /** Extra minutes to wait for data providers to publish the close. */
  dataLagMinutes?: number;
}

const newYorkClock = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/New_York",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** The New York calendar date and minute of the day at an instant. */
export function newYorkTime(now: Date): { date: string; minuteOfDay: number } {
  if (Number.isNaN(now.getTime())) {
    throw new ScrillaError("INVALID_INPUT", "The current time is not a valid Date; pass e.g. new Date().");
  }
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    newYorkClock.formatToParts(now).find((p) => p.type === type)?.value ?? "";
  return {
    date: `${part("year")}-${part("month")}-${part("day")}`,
    minuteOfDay: Number(part("hour")) * 60 + Number(part("minute")),
  };
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
