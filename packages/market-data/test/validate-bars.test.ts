import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type SourcedBar, validatedBars } from "../src/index.js";

const CHECK = { code: "INVALID_INPUT", advice: "" } as const;

/** The plain definition: sort by date (stable), drop exact repeats. */
function reference(bars: readonly SourcedBar[]) {
  const sorted = [...bars].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return sorted
    .filter((bar, i) => i === 0 || bar.date !== sorted[i - 1]!.date)
    .map(({ date, open, close }) => ({ date, open, close }));
}

const day = fc.integer({ min: 1, max: 28 }).map((d) => `2021-03-${String(d).padStart(2, "0")}`);
/** Bars whose price is a function of the date, so repeats are exact and never conflicts. */
const bars = fc
  .array(day, { maxLength: 40 })
  .map((dates) =>
    dates.map((date, i): SourcedBar => ({ date, open: null, close: Number(date.slice(8)), source: `line ${i + 2}` })),
  );
const ordered = fc.oneof(
  bars,
  bars.map((list) => reference(list).map((bar, i) => ({ ...bar, source: `line ${i + 2}` }))),
  bars.map((list) =>
    reference(list)
      .reverse()
      .map((bar, i) => ({ ...bar, source: `line ${i + 2}` })),
  ),
);

describe("validatedBars orders and de-duplicates rows in any order", () => {
  it("ascending, descending, shuffled or repeated: the result is the sorted unique rows", () => {
    fc.assert(
      fc.property(ordered, (input) => {
        expect(validatedBars(input, CHECK)).toEqual(reference(input));
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it("a date given twice with different prices fails in any order", () => {
    const a = { date: "2021-03-02", open: null, close: 1, source: "line 2" };
    const b = { date: "2021-03-01", open: null, close: 1, source: "line 3" };
    const clash = { date: "2021-03-02", open: null, close: 2, source: "line 4" };
    for (const input of [
      [a, b, clash],
      [b, a, clash],
      [clash, a, b],
    ]) {
      expect(() => validatedBars(input, CHECK)).toThrow(/appears twice/);
    }
  });
});
