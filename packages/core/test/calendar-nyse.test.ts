import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NYSE_CALENDAR, nyseClosures, nyseScheduledHolidays } from "../src/calendar/index.js";
import { expectCode } from "./support/assertions.js";
import { FIXTURES_DIR } from "./support/recorded-prices.js";

const spyDates = (): string[] => {
  const file = join(FIXTURES_DIR, "alphavantage/TIME_SERIES_DAILY/SPY.json");
  const body = JSON.parse(readFileSync(file, "utf8")) as { "Time Series (Daily)": Record<string, unknown> };
  return Object.keys(body["Time Series (Daily)"]).sort();
};

describe("NYSE calendar against recorded market data", () => {
  it("trades exactly on the days SPY has a recorded close, 1999-11-01 … 2021-11-19", () => {
    // 22 years of real AlphaVantage sessions: covers 9/11, Reagan, Ford, Sandy, Bush and Juneteenth 2021 (open).
    const recorded = spyDates();
    const first = recorded[0]!;
    const last = recorded.at(-1)!;
    expect(NYSE_CALENDAR.tradingDaysBetween(first, last)).toEqual(recorded);
  });
});

describe("NYSE holidays", () => {
  it.each([
    ["2022-06-20", "Juneteenth National Independence Day"],
    ["2021-12-24", "Christmas Day"],
    ["2022-12-26", "Christmas Day"],
    ["2021-04-02", "Good Friday"],
    ["2017-01-02", "New Year's Day"],
    ["2020-07-03", "Independence Day"],
    ["2027-06-18", "Juneteenth National Independence Day"],
    ["2033-04-15", "Good Friday"],
  ])("%s is closed for %s", (date, name) => {
    expect(NYSE_CALENDAR.isTradingDay(date)).toBe(false);
    expect(nyseClosures(Number(date.slice(0, 4)))).toContainEqual({ date, name });
  });

  it.each([
    ["2021-06-18", "Juneteenth was not an NYSE holiday before 2022"],
    ["2021-12-31", "New Year's Day on a Saturday has no substitute"],
    ["2022-12-30", "Friday before a Sunday New Year stays open"],
    ["2021-10-11", "Columbus Day is a federal, not an NYSE, holiday"],
    ["2021-11-11", "Veterans Day is a federal, not an NYSE, holiday"],
    ["1997-01-20", "MLK Day only closes NYSE from 1998"],
  ])("%s trades (%s)", (date) => {
    expect(NYSE_CALENDAR.isTradingDay(date)).toBe(true);
  });

  it.each(["1994-04-27", "2001-09-11", "2001-09-14", "2012-10-29", "2012-10-30", "2018-12-05", "2025-01-09"])(
    "special closure %s is closed",
    (date) => {
      expect(NYSE_CALENDAR.isTradingDay(date)).toBe(false);
    },
  );

  it("schedules the eight core holidays, MLK Day from 1998 and Juneteenth from 2022, all on weekdays", () => {
    for (let year = 1990; year <= 2035; year++) {
      const holidays = nyseScheduledHolidays(year);
      const saturdayNewYear = new Date(Date.UTC(year, 0, 1)).getUTCDay() === 6;
      const expected = 8 + (year >= 1998 ? 1 : 0) + (year >= 2022 ? 1 : 0) - (saturdayNewYear ? 1 : 0);
      expect(holidays.length).toBe(expected);
      for (const holiday of holidays) expect([0, 6]).not.toContain(new Date(`${holiday.date}T00:00:00Z`).getUTCDay());
    }
  });
});

describe("NYSE session table against the listed closures", () => {
  it("trades on every weekday of 1990–2035 except the days nyseClosures lists (checked with Date)", () => {
    for (let year = 1990; year <= 2035; year++) {
      const closed = new Set(nyseClosures(year).map((closure) => closure.date));
      for (
        let day = new Date(Date.UTC(year, 0, 1));
        day.getUTCFullYear() === year;
        day.setUTCDate(day.getUTCDate() + 1)
      ) {
        const date = day.toISOString().slice(0, 10);
        const weekday = day.getUTCDay();
        expect(NYSE_CALENDAR.isTradingDay(date), date).toBe(weekday !== 0 && weekday !== 6 && !closed.has(date));
      }
    }
  });
});

describe("NYSE business-day arithmetic (spec §9.7)", () => {
  it.each([
    ["2021-11-15", 2, "2021-11-11"],
    ["2021-10-19", 5, "2021-10-12"],
    ["2021-09-13", 7, "2021-09-01"],
    ["2021-11-24", 10, "2021-11-10"],
    ["2021-06-01", 2, "2021-05-27"],
    ["2022-06-21", 1, "2022-06-17"],
    ["2022-06-06", 2, "2022-06-02"],
    ["2021-11-19", 100, "2021-06-30"],
    // RECOMMENDED (D-56): from MLK Day the first step back lands on Fri 2022-01-14; the original gives 2022-01-05.
    ["2022-01-17", 7, "2022-01-06"],
    ["2021-11-20", 1, "2021-11-19"],
  ])("%s minus %d trading days is %s", (start, sessions, expected) => {
    expect(NYSE_CALENDAR.addTradingDays(start, -sessions)).toBe(expected);
  });

  it("moves forward symmetrically and zero sessions is the identity", () => {
    expect(NYSE_CALENDAR.addTradingDays("2021-11-24", 1)).toBe("2021-11-26");
    expect(NYSE_CALENDAR.addTradingDays("2021-11-25", 1)).toBe("2021-11-26");
    expect(NYSE_CALENDAR.addTradingDays("2021-11-25", 2)).toBe("2021-11-29");
    expect(NYSE_CALENDAR.addTradingDays("2021-06-30", 100)).toBe("2021-11-19");
    expect(NYSE_CALENDAR.addTradingDays("2021-11-20", 0)).toBe("2021-11-20");
  });

  it("counts and lists trading days in either order", () => {
    expect(NYSE_CALENDAR.countTradingDays("2022-06-01", "2022-06-07")).toBe(5);
    expect(NYSE_CALENDAR.countTradingDays("2021-12-27", "2021-12-23")).toBe(2);
    expect(NYSE_CALENDAR.tradingDaysBetween("2021-12-23", "2021-12-27")).toEqual(["2021-12-23", "2021-12-27"]);
    expect(NYSE_CALENDAR.countTradingDays("2021-07-14", "2021-11-19")).toBe(92);
    expect(NYSE_CALENDAR.countTradingDays("2021-11-20", "2021-11-21")).toBe(0);
  });

  it("finds neighbouring trading days", () => {
    expect(NYSE_CALENDAR.previousTradingDay("2021-11-22")).toBe("2021-11-19");
    expect(NYSE_CALENDAR.previousTradingDay("2021-11-19")).toBe("2021-11-18");
    expect(NYSE_CALENDAR.nextTradingDay("2021-11-24")).toBe("2021-11-26");
    expect(NYSE_CALENDAR.tradingDayOnOrBefore("2021-11-21")).toBe("2021-11-19");
    expect(NYSE_CALENDAR.tradingDayOnOrBefore("2021-11-19")).toBe("2021-11-19");
    expect(NYSE_CALENDAR.tradingDayOnOrAfter("2021-11-25")).toBe("2021-11-26");
  });

  it("agrees with a day-by-day walk for every shift from random starts", () => {
    const walk = (date: string, sessions: number): string => {
      let current = date;
      for (let i = 0; i < Math.abs(sessions); i++) {
        current = sessions < 0 ? NYSE_CALENDAR.previousTradingDay(current) : NYSE_CALENDAR.nextTradingDay(current);
      }
      return current;
    };
    for (let day = 0; day < 400; day += 7) {
      const start = new Date(Date.UTC(2019, 0, 1 + day)).toISOString().slice(0, 10);
      for (const sessions of [-9, -1, 1, 12])
        expect(NYSE_CALENDAR.addTradingDays(start, sessions)).toBe(walk(start, sessions));
    }
  });

  it("rejects malformed dates and dates outside 1990–2035 with INVALID_INPUT", () => {
    expectCode(() => NYSE_CALENDAR.isTradingDay("2021-02-30"), "INVALID_INPUT");
    expectCode(() => NYSE_CALENDAR.isTradingDay("2021/11/19"), "INVALID_INPUT");
    expectCode(() => NYSE_CALENDAR.isTradingDay("1989-12-29"), "INVALID_INPUT");
    expectCode(() => NYSE_CALENDAR.addTradingDays("2035-12-31", 1), "INVALID_INPUT");
    expectCode(() => NYSE_CALENDAR.previousTradingDay("1990-01-02"), "INVALID_INPUT");
    expectCode(() => NYSE_CALENDAR.addTradingDays("2021-11-19", 1.5), "INVALID_INPUT");
  });
});
