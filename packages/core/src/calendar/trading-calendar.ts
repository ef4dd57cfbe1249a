/** Trading-day arithmetic over ISO `YYYY-MM-DD` dates. Every range is inclusive and order-insensitive. */
export interface TradingCalendar {
  readonly name: "nyse" | "crypto";
  /** First and last date the calendar can answer for. */
  readonly coverage: { start: string; end: string };
  isTradingDay(date: string): boolean;
  /** The closest trading day strictly before `date`. */
  previousTradingDay(date: string): string;
  /** The closest trading day strictly after `date`. */
  nextTradingDay(date: string): string;
  /** `date` if it trades, else the previous trading day (the last trading date on or before it). */
  tradingDayOnOrBefore(date: string): string;
  /** `date` if it trades, else the next trading day. */
  tradingDayOnOrAfter(date: string): string;
  /**
   * Moves `sessions` trading days (negative = back). From a non-trading day the first step lands on the
   * adjacent trading day, so Sat 2021-11-20 − 1 = Fri 2021-11-19 (spec §9.2 RECOMMENDED, D-56).
   * Zero sessions returns `date` unchanged.
   */
  addTradingDays(date: string, sessions: number): string;
  /** Number of trading days in the inclusive range. */
  countTradingDays(start: string, end: string): number;
  /** The trading days of the inclusive range, ascending. */
  tradingDaysBetween(start: string, end: string): string[];
}
