import { describe, expect, it } from "vitest";
import { uncoveredRanges } from "../src/data/coverage.js";

describe("uncoveredRanges", () => {
  const want = { start: "2021-01-01", end: "2021-01-31" };
  it.each([
    ["nothing fetched", [], [want]],
    ["all fetched", [{ start: "2020-12-01", end: "2021-02-01" }], []],
    ["head missing", [{ start: "2021-01-10", end: "2021-02-01" }], [{ start: "2021-01-01", end: "2021-01-09" }]],
    ["tail missing", [{ start: "2020-12-01", end: "2021-01-20" }], [{ start: "2021-01-21", end: "2021-01-31" }]],
    [
      "hole in the middle",
      [
        { start: "2021-01-01", end: "2021-01-05" },
        { start: "2021-01-11", end: "2021-01-31" },
      ],
      [{ start: "2021-01-06", end: "2021-01-10" }],
    ],
    [
      "adjacent ranges",
      [
        { start: "2021-01-01", end: "2021-01-15" },
        { start: "2021-01-16", end: "2021-01-31" },
      ],
      [],
    ],
  ])("%s", (_name, fetched, gaps) => {
    expect(uncoveredRanges(fetched, want)).toEqual(gaps);
  });
});
