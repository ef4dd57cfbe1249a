import { ScrillaError } from "../errors.js";
import type { AssetType, DateRange } from "../types.js";
import { calendarFor } from "./calendar-for.js";
import { defaultAnalysisWindow } from "./default-window.js";
import { assertIsoDate } from "./iso-date.js";

export interface DateValidationInput {
  start?: string | undefined;
  end?: string | undefined;
  assetType: AssetType;
  /** Today's date (callers own the clock). */
  today: string;
  /**
   * Latest date with a published equity close, e.g. `lastCloseDate(new Date())`; defaults to the last
   * trading day on or before `today` (i.e. assumes today's session has closed).
   */
  lastClose?: string | undefined;
  /** Returns in the default window when `start` is absent. */
  period?: number | undefined;
}

const earlier = (a: string, b: string): string => (a <= b ? a : b);

/**
 * Normalises an analysis window (spec §9.5): future ends become today; equity dates move back to the
 * latest trading day with a close; a missing start gives the default window; reversed ends are swapped.
 * A start in the future is an INVALID_INPUT.
 */
export function validateDates(input: DateValidationInput): DateRange {
  const { assetType, period } = input;
  const today = assertIsoDate(input.today);
  const calendar = calendarFor(assetType);
  const lastAvailable =
    assetType === "crypto"
      ? today
      : earlier(calendar.tradingDayOnOrBefore(today), assertIsoDate(input.lastClose ?? today));
  const settle = (date: string): string =>
    assetType === "crypto" ? earlier(date, today) : earlier(calendar.tradingDayOnOrBefore(date), lastAvailable);

  const end = settle(input.end === undefined ? today : earlier(assertIsoDate(input.end), today));
  if (input.start === undefined) return { start: defaultAnalysisWindow(end, assetType, period).start, end };

  const start = assertIsoDate(input.start);
  if (start > today) {
    throw new ScrillaError(
      "INVALID_INPUT",
      `The start date ${start} is in the future (today is ${today}); choose a start on or before today.`,
      { start, today },
    );
  }
  const settledStart = settle(start);
  return settledStart <= end ? { start: settledStart, end } : { start: end, end: settledStart };
}
