import { ScrillaError } from "../errors.js";
import { fromDayNumber, nthWeekdayOfMonth } from "./iso-date.js";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** The first year of today's US daylight-saving rule (Energy Policy Act of 2005, §110). */
const CURRENT_RULE_SINCE = 2007;
const SUNDAY = 0;

/**
 * New York's offset from UTC at an instant of a year under the current rule: daylight time (UTC−4) from
 * 02:00 EST on the second Sunday of March to 02:00 EDT on the first Sunday of November, else UTC−5.
 */
function easternOffsetMs(instant: number, year: number): number {
  const daylightStarts = nthWeekdayOfMonth(year, 3, SUNDAY, 2) * DAY_MS + 7 * HOUR_MS;
  const daylightEnds = nthWeekdayOfMonth(year, 11, SUNDAY, 1) * DAY_MS + 6 * HOUR_MS;
  return instant >= daylightStarts && instant < daylightEnds ? -4 * HOUR_MS : -5 * HOUR_MS;
}

let intlClock: Intl.DateTimeFormat | undefined;

/** Older instants go through ICU's time-zone data (whose first use costs ≈ 25 ms, so only they pay it). */
function newYorkTimeByIntl(now: Date): { date: string; minuteOfDay: number } {
  intlClock ??= new Intl.DateTimeFormat("en-US", {
    timeZone: "America/New_York",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  const parts = intlClock.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
  return {
    date: `${part("year")}-${part("month")}-${part("day")}`,
    minuteOfDay: Number(part("hour")) * 60 + Number(part("minute")),
  };
}

/**
 * The New York calendar date and minute of the day at an instant. From 2007 on, the US rule is applied
 * directly (as the tz database projects it forward) rather than through Intl, whose time-zone data takes
 * ≈ 25 ms to load: a sixth of a warm CLI run. Earlier instants use Intl.
 */
export function newYorkTime(now: Date): { date: string; minuteOfDay: number } {
  const instant = now.getTime();
  if (Number.isNaN(instant)) {
    throw new ScrillaError("INVALID_INPUT", "The current time is not a valid Date; pass e.g. new Date().");
  }
  const year = now.getUTCFullYear();
  if (year < CURRENT_RULE_SINCE) return newYorkTimeByIntl(now);
  const local = instant + easternOffsetMs(instant, year);
  const day = Math.floor(local / DAY_MS);
  return { date: fromDayNumber(day), minuteOfDay: Math.floor((local - day * DAY_MS) / MINUTE_MS) };
}
