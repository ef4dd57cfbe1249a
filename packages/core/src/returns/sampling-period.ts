import type { AssetType } from "../types.js";

export const TRADING_DAYS_PER_YEAR = 252;
export const CALENDAR_DAYS_PER_YEAR = 365;

/**
 * The scrilla `weekends` flag (§1.5): true when the sample holds every calendar day, which is only
 * possible when every asset involved is crypto.
 */
export function defaultWeekends(assetTypes: readonly AssetType[]): boolean {
  return assetTypes.length > 0 && assetTypes.every((type) => type === "crypto");
}

/**
 * Length of one observation in years (`dt`). One convention for every method (D-08..D-10 fixed):
 * a sample of every calendar day (crypto with `weekends`) steps 1/365; a sample restricted to trading
 * days — equities, or crypto filtered to trading days — steps 1/252, so a crypto asset sampled on
 * trading days is annualised like the calendar it was sampled on (D-10).
 */
export function samplingPeriod(assetType: AssetType = "equity", weekends?: boolean): number {
  const everyCalendarDay = assetType === "crypto" && (weekends ?? true);
  return everyCalendarDay ? 1 / CALENDAR_DAYS_PER_YEAR : 1 / TRADING_DAYS_PER_YEAR;
}
