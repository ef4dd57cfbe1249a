import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isWeekend } from "../src/weekend.js";

/** The definition: what a Date made from the text says, invalid dates being no weekend. */
function byDate(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");

describe("isWeekend", () => {
  it("agrees with Date on every day 00–32 of every month 00–13 of 2021, 2024, 1900, 2000 and 0000", () => {
    for (const year of [2021, 2024, 1900, 2000, 0]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(isWeekend(date), date).toBe(byDate(date));
        }
      }
    }
  });

  it("agrees with Date on random dates of any year", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const date = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(isWeekend(date), date).toBe(byDate(date));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it("2021-11-13 and 14 are a weekend, the 15th a Monday", () => {
    expect(["2021-11-12", "2021-11-13", "2021-11-14", "2021-11-15"].map(isWeekend)).toEqual([false, true, true, false]);
  });
});
