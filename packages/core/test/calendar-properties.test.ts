import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, CRYPTO_CALENDAR, NYSE_CALENDAR, type TradingCalendar } from "../src/calendar/index.js";

// Dates 1990-06-01 … 2035-06-30, leaving room to step within the NYSE calendar's coverage.
const anyDate = fc.integer({ min: 0, max: 16_465 }).map((offset) => addCalendarDays("1990-06-01", offset));
const sessions = fc.integer({ min: -60, max: 60 });

describe.each([NYSE_CALENDAR, CRYPTO_CALENDAR] as TradingCalendar[])("$name calendar invariants", (calendar) => {
  it("adding n sessions to a trading day and subtracting them returns to it", () => {
    fc.assert(
      fc.property(anyDate, sessions, (date, n) => {
        const start = calendar.tradingDayOnOrBefore(date);
        expect(calendar.addTradingDays(calendar.addTradingDays(start, n), -n)).toBe(start);
      }),
    );
  });

  it("the range from a trading day to n sessions later holds n + 1 trading days, all listed in order", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 60 }), (date, n) => {
        const start = calendar.tradingDayOnOrAfter(date);
        const end = calendar.addTradingDays(start, n);
        const listed = calendar.tradingDaysBetween(start, end);
        expect(calendar.countTradingDays(end, start)).toBe(n + 1);
        expect(listed).toHaveLength(n + 1);
        expect([...listed].sort()).toEqual(listed);
        expect(listed.every((d) => calendar.isTradingDay(d))).toBe(true);
      }),
    );
  });

  it("previous < date ≤ onOrAfter and onOrBefore ≤ date < next, with nothing trading in between", () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const previous = calendar.previousTradingDay(date);
        const next = calendar.nextTradingDay(date);
        expect(previous < date && date < next).toBe(true);
        expect(calendar.tradingDayOnOrBefore(date) <= date).toBe(true);
        expect(calendar.tradingDayOnOrAfter(date) >= date).toBe(true);
        expect(calendar.countTradingDays(previous, next)).toBe(calendar.isTradingDay(date) ? 3 : 2);
      }),
    );
  });
});
