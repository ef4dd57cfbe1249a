import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newYorkTime } from "../src/index.js";
import { expectCode } from "./support/assertions.js";

/** The reference: ICU's America/New_York through Intl, read independently of the implementation. */
const icu = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/New_York",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});
function byIcu(instant: number): { date: string; minuteOfDay: number } {
  const value = Object.fromEntries(icu.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    date: `${value.year}-${value.month}-${value.day}`,
    minuteOfDay: Number(value.hour) * 60 + Number(value.minute),
  };
}

const MINUTE = 60_000;

/** Every UTC instant at which ICU's New York offset changes in [from, to): a daily scan, then bisection. */
function offsetChanges(from: number, to: number): number[] {
  const offset = (t: number) => {
    const { date, minuteOfDay } = byIcu(t);
    return Date.parse(`${date}T00:00:00Z`) + minuteOfDay * MINUTE - Math.floor(t / MINUTE) * MINUTE;
  };
  const changes: number[] = [];
  const day = 86_400_000;
  for (let t = from; t < to; t += day) {
    if (offset(t) !== offset(t + day)) {
      let [lo, hi] = [t, t + day];
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (offset(mid) === offset(lo)) lo = mid;
        else hi = mid;
      }
      changes.push(hi);
    }
  }
  return changes;
}

describe("newYorkTime (US Eastern time without Intl from 2007)", () => {
  it("agrees with ICU one minute either side of every daylight-saving change, 2007–2040", () => {
    const changes = offsetChanges(Date.UTC(2007, 0, 1), Date.UTC(2041, 0, 1));
    expect(changes).toHaveLength(2 * 34);
    for (const change of changes) {
      for (const instant of [change - MINUTE, change - 1, change, change + MINUTE - 1, change + MINUTE]) {
        expect(newYorkTime(new Date(instant)), new Date(instant).toISOString()).toEqual(byIcu(instant));
      }
    }
  });

  it("agrees with ICU at any instant from 1990 to 2100", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (instant) => {
        expect(newYorkTime(new Date(instant))).toEqual(byIcu(instant));
      }),
      { numRuns: 5_000 },
    );
  });

  it("reads a known instant: 2021-11-19 21:10 UTC is 16:10 EST", () => {
    expect(newYorkTime(new Date("2021-11-19T21:10:00Z"))).toEqual({ date: "2021-11-19", minuteOfDay: 16 * 60 + 10 });
    expect(newYorkTime(new Date("2021-07-01T03:59:00Z"))).toEqual({ date: "2021-06-30", minuteOfDay: 23 * 60 + 59 });
  });

  it("refuses an invalid Date", () => {
    expectCode(() => newYorkTime(new Date("not a date")), "INVALID_INPUT");
  });
});
