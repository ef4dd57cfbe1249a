import { describe, expect, it } from "vitest";
import { isIsoDate, mergeDateRanges } from "../src/date-ranges.js";

describe("isIsoDate", () => {
  it.each([
    ["2024-02-29", true],
    ["2000-02-29", true],
    ["2021-12-31", true],
    ["2023-02-29", false],
    ["1900-02-29", false],
    ["2021-04-31", false],
    ["2021-13-01", false],
    ["2021-00-10", false],
    ["2021-01-00", false],
    ["2021/01/01", false],
    ["2021-1-01", false],
    ["20210101", false],
    ["2021-01-0a", false],
  ])("%s → %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe("mergeDateRanges", () => {
  it("sorts, merges overlaps and day-adjacent ranges (also across month and year ends), keeps gaps", () => {
    expect(
      mergeDateRanges([
        { start: "2022-01-01", end: "2022-01-10" },
        { start: "2021-12-01", end: "2021-12-31" },
        { start: "2022-01-05", end: "2022-01-07" },
        { start: "2022-01-12", end: "2022-02-28" },
        { start: "2022-03-01", end: "2022-03-01" },
      ]),
    ).toEqual([
      { start: "2021-12-01", end: "2022-01-10" },
      { start: "2022-01-12", end: "2022-03-01" },
    ]);
    expect(mergeDateRanges([])).toEqual([]);
  });
});
