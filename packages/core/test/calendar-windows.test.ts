import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  assertIsoDate,
  CRYPTO_CALENDAR,
  calendarDaysFrom,
  calendarFor,
  DEFAULT_ANALYSIS_PERIOD,
  datesBetween,
  daysBetween,
  defaultAnalysisWindow,
  keepTradingDays,
  lastCloseDate,
  NYSE_CALENDAR,
  nextPeriodDate,
  timeToNextMonth,
  timeToNextPeriod,
  timeToNextQuarter,
  timeToNextYear,
  validateDates,
} from "../src/calendar/index.js";
import { expectCode } from "./support/assertions.js";

describe("calendar dates (spec §9.7)", () => {
  it.each([
    ["2021-01-01", "2021-01-01", 1],
    ["2021-11-04", "2021-11-06", 3],
    ["2020-01-01", "2020-02-05", 36],
    ["2021-07-14", "2021-11-19", 129],
    ["2021-11-19", "2021-07-14", 129],
  ])("daysBetween(%s, %s) = %d, both ends included", (start, end, count) => {
    expect(daysBetween(start, end)).toBe(count);
    expect(datesBetween(start, end)).toHaveLength(count);
  });

  it("lists calendar dates ascending across a leap day", () => {
    expect(datesBetween("2020-03-01", "2020-02-27")).toEqual(["2020-02-27", "2020-02-28", "2020-02-29", "2020-03-01"]);
  });
});

describe("crypto calendar", () => {
  it("trades every calendar day", () => {
    expect(calendarFor("crypto")).toBe(CRYPTO_CALENDAR);
    expect(calendarFor("equity")).toBe(NYSE_CALENDAR);
    expect(CRYPTO_CALENDAR.isTradingDay("2021-12-25")).toBe(true);
    expect(CRYPTO_CALENDAR.addTradingDays("2021-11-19", -100)).toBe("2021-08-11");
    expect(CRYPTO_CALENDAR.countTradingDays("2021-07-14", "2021-11-19")).toBe(129);
    expect(CRYPTO_CALENDAR.tradingDaysBetween("2021-12-31", "2022-01-02")).toEqual([
      "2021-12-31",
      "2022-01-01",
      "2022-01-02",
    ]);
    expect(CRYPTO_CALENDAR.previousTradingDay("2021-03-01")).toBe("2021-02-28");
    expectCode(() => CRYPTO_CALENDAR.isTradingDay("2021-13-01"), "INVALID_INPUT");
  });
});

describe("default analysis window (spec §9.4)", () => {
  it("spans 101 NYSE trading days ending on the last trading day on or before the end", () => {
    expect(DEFAULT_ANALYSIS_PERIOD).toBe(100);
    const window = defaultAnalysisWindow("2021-11-21", "equity");
    expect(window).toEqual({ start: "2021-06-30", end: "2021-11-19" });
    expect(NYSE_CALENDAR.countTradingDays(window.start, window.end)).toBe(101);
  });

  it("spans 101 calendar days for crypto", () => {
    const window = defaultAnalysisWindow("2021-11-21", "crypto");
    expect(window).toEqual({ start: "2021-08-13", end: "2021-11-21" });
    expect(daysBetween(window.start, window.end)).toBe(101);
  });

  it("rejects a non-positive period", () => {
    expectCode(() => defaultAnalysisWindow("2021-11-19", "equity", 0), "INVALID_INPUT");
  });
});

describe("validateDates (spec §9.5, §9.7 test_errors.py)", () => {
  const today = "2021-11-22";
  it.each([
    ["equity", "2021-11-07", "2021-11-14", "2021-11-05", "2021-11-12"],
    ["crypto", "2021-11-07", "2021-11-14", "2021-11-07", "2021-11-14"],
    ["crypto", "2021-01-01", "2021-01-10", "2021-01-01", "2021-01-10"],
    ["equity", "2021-01-01", "2021-01-10", "2020-12-31", "2021-01-08"],
    ["equity", "2021-09-01", "2021-09-09", "2021-09-01", "2021-09-09"],
  ] as const)("%s (%s, %s) → (%s, %s)", (assetType, start, end, expectedStart, expectedEnd) => {
    expect(validateDates({ assetType, start, end, today })).toEqual({ start: expectedStart, end: expectedEnd });
  });

  it("swaps reversed ends and clamps a future end to today", () => {
    expect(validateDates({ assetType: "equity", start: "2021-09-09", end: "2021-09-01", today })).toEqual({
      start: "2021-09-01",
      end: "2021-09-09",
    });
    expect(validateDates({ assetType: "crypto", start: "2021-11-01", end: "2022-03-01", today })).toEqual({
      start: "2021-11-01",
      end: today,
    });
  });

  it("uses the last published close for today's equity session", () => {
    expect(validateDates({ assetType: "equity", today, lastClose: "2021-11-19" })).toEqual({
      start: "2021-06-30",
      end: "2021-11-19",
    });
    expect(validateDates({ assetType: "equity", today }).end).toBe(today);
  });

  it("defaults the start to the analysis window", () => {
    expect(validateDates({ assetType: "crypto", end: "2021-11-21", today })).toEqual({
      start: "2021-08-13",
      end: "2021-11-21",
    });
    expect(validateDates({ assetType: "equity", end: "2021-11-19", today, period: 2 })).toEqual({
      start: "2021-11-17",
      end: "2021-11-19",
    });
  });

  it("rejects a future start and a malformed date with INVALID_INPUT", () => {
    expectCode(() => validateDates({ assetType: "equity", start: "2021-12-01", today }), "INVALID_INPUT");
    expectCode(() => validateDates({ assetType: "equity", start: "2021-11-1", today }), "INVALID_INPUT");
    expectCode(() => validateDates({ assetType: "equity", today: "22/11/2021" }), "INVALID_INPUT");
  });
});

describe("lastCloseDate (spec §9.3 RECOMMENDED, D-57)", () => {
  it.each([
    ["2021-11-19T20:59:00Z", "2021-11-18", "15:59 EST Friday: the session is still open"],
    ["2021-11-19T21:00:00Z", "2021-11-19", "16:00 EST Friday"],
    ["2021-11-20T03:00:00Z", "2021-11-19", "22:00 EST Friday, already Saturday in UTC"],
    ["2021-11-21T15:00:00Z", "2021-11-19", "Sunday"],
    ["2021-07-14T19:59:00Z", "2021-07-13", "15:59 EDT"],
    ["2021-07-14T20:00:00Z", "2021-07-14", "16:00 EDT"],
    ["2021-11-25T22:00:00Z", "2021-11-24", "Thanksgiving evening"],
  ])("at %s the last close is %s (%s)", (instant, expected) => {
    expect(lastCloseDate(new Date(instant))).toBe(expected);
  });

  it("waits for a data lag", () => {
    expect(lastCloseDate(new Date("2021-11-19T21:10:00Z"), { dataLagMinutes: 15 })).toBe("2021-11-18");
    expect(lastCloseDate(new Date("2021-11-19T21:15:00Z"), { dataLagMinutes: 15 })).toBe("2021-11-19");
  });

  it("rejects an invalid Date", () => {
    expectCode(() => lastCloseDate(new Date("not a date")), "INVALID_INPUT");
  });
});

describe("DDM period helpers (spec §9.6, D-27 fixed: real date math, days / 365)", () => {
  it("measures the time to the next month, quarter and year, December included", () => {
    expect(timeToNextMonth("2021-11-19")).toBe(12 / 365);
    expect(timeToNextMonth("2021-12-15")).toBe(17 / 365);
    expect(timeToNextQuarter("2021-11-19")).toBe(43 / 365);
    expect(timeToNextQuarter("2021-04-01")).toBe(91 / 365);
    expect(timeToNextYear("2021-11-19")).toBe(43 / 365);
    expect(timeToNextYear("2020-01-01")).toBe(366 / 365);
  });

  it("steps floor(365·period) days from a start until not before today", () => {
    // ALLY's latest payment 2021-11-15 with the inferred period 0.2500360490266762 → 91-day steps.
    expect(nextPeriodDate("2021-11-15", 0.2500360490266762, "2021-11-19")).toBe("2022-02-14");
    expect(timeToNextPeriod("2021-11-15", 0.2500360490266762, "2021-11-19")).toBe(87 / 365);
    expect(nextPeriodDate("2021-11-15", 0.25, "2021-11-15")).toBe("2021-11-15");
    expect(nextPeriodDate("2021-12-01", 0.25, "2021-11-19")).toBe("2021-12-01");
    expect(nextPeriodDate("2020-01-01", 1 / 12, "2020-03-01")).toBe("2020-03-01");
    expectCode(() => nextPeriodDate("2021-11-15", 0.001, "2021-11-19"), "INVALID_INPUT");
  });
});

describe("ISO date arithmetic", () => {
  it("round-trips every day from 0001-01-01 to 9999-12-31 in steps, agreeing with Date for years ≥ 100", () => {
    for (let day = -719_162; day <= 2_932_896; day += 997) {
      const iso = addCalendarDays("1970-01-01", day);
      expect(calendarDaysFrom("1970-01-01", iso)).toBe(day);
      if (iso >= "0100") expect(iso).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }
    expect(addCalendarDays("0001-01-01", -0)).toBe("0001-01-01");
    expect(addCalendarDays("2021-12-31", 1)).toBe("2022-01-01");
    expect(addCalendarDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addCalendarDays("2100-02-28", 1)).toBe("2100-03-01");
  });

  it("accepts only real YYYY-MM-DD dates", () => {
    expect(assertIsoDate("2000-02-29")).toBe("2000-02-29");
    for (const bad of ["1900-02-29", "2021-04-31", "2021-00-10", "2021-1-10", "20211110", " 2021-11-10", ""]) {
      expectCode(() => assertIsoDate(bad), "INVALID_INPUT");
    }
  });
});

describe("keepTradingDays (spec §9.2 intersect_with_trading_dates)", () => {
  it("drops weekend and holiday observations, keeping open and close aligned", () => {
    const series = {
      dates: ["2021-11-24", "2021-11-25", "2021-11-26", "2021-11-27"],
      close: Float64Array.from([1, 2, 3, 4]),
      open: Float64Array.from([10, 20, 30, 40]),
    };
    const kept = keepTradingDays(series);
    expect(kept.dates).toEqual(["2021-11-24", "2021-11-26"]);
    expect([...kept.close]).toEqual([1, 3]);
    expect([...(kept.open ?? [])]).toEqual([10, 30]);
    expect(keepTradingDays(series, CRYPTO_CALENDAR).dates).toHaveLength(4);
    expect(keepTradingDays({ dates: ["2021-11-25"], close: Float64Array.from([2]) }).open).toBeUndefined();
  });
});
