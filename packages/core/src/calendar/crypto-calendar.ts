import { ScrillaError } from "../errors.js";
import { fromDayNumber, toDayNumber } from "./iso-date.js";
import type { TradingCalendar } from "./trading-calendar.js";

function ordered(start: string, end: string): [number, number] {
  const a = toDayNumber(start);
  const b = toDayNumber(end);
  return a <= b ? [a, b] : [b, a];
}

/** Crypto markets trade every calendar day. */
export const CRYPTO_CALENDAR: TradingCalendar = {
  name: "crypto",
  coverage: { start: "0001-01-01", end: "9999-12-31" },
  isTradingDay(date) {
    toDayNumber(date); // validates the date
    return true;
  },
  previousTradingDay: (date) => fromDayNumber(toDayNumber(date) - 1),
  nextTradingDay: (date) => fromDayNumber(toDayNumber(date) + 1),
  tradingDayOnOrBefore: (date) => fromDayNumber(toDayNumber(date)),
  tradingDayOnOrAfter: (date) => fromDayNumber(toDayNumber(date)),
  addTradingDays(date, sessions) {
    if (!Number.isInteger(sessions)) {
      throw new ScrillaError("INVALID_INPUT", `Days to add must be a whole number, got ${sessions}.`, { sessions });
    }
    return fromDayNumber(toDayNumber(date) + sessions);
  },
  countTradingDays(start, end) {
    const [a, b] = ordered(start, end);
    return b - a + 1;
  },
  tradingDaysBetween(start, end) {
    const [a, b] = ordered(start, end);
    return Array.from({ length: b - a + 1 }, (_, i) => fromDayNumber(a + i));
  },
};
