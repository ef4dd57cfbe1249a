import { ScrillaError } from "../errors.js";
import type { AssetType, DateRange } from "../types.js";
import { calendarFor } from "./calendar-for.js";

/** Default number of returns in an analysis window (spec §9.4). */
export const DEFAULT_ANALYSIS_PERIOD = 100;

/**
 * The default window ending at `end`: equities span `period` + 1 NYSE trading days ending on the last
 * trading day on or before `end`; crypto spans `period` + 1 calendar days. Either gives `period` returns.
 */
export function defaultAnalysisWindow(
  end: string,
  assetType: AssetType,
  period: number = DEFAULT_ANALYSIS_PERIOD,
): DateRange {
  if (!Number.isInteger(period) || period < 1) {
    throw new ScrillaError("INVALID_INPUT", `The analysis period must be a whole number ≥ 1, got ${period}.`, {
      period,
    });
  }
  const calendar = calendarFor(assetType);
  const lastDay = calendar.tradingDayOnOrBefore(end);
  return { start: calendar.addTradingDays(lastDay, -period), end: lastDay };
}
