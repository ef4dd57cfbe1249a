import { describe, expect, it } from "vitest";
import { movingAverages } from "../src/moving-averages/index.js";
import { riskProfile } from "../src/profile/index.js";
import { codeOf } from "./support/assertions.js";
import { recordedPrices } from "./support/recorded-prices.js";

describe("movingAverages", () => {
  it("reports every date of a range, ascending, with MA_<k> keys equal to the window profile's μ", () => {
    const ally = recordedPrices("ALLY", "2021-01-01");
    const result = movingAverages(ally, { periods: [5, 10], from: "2021-11-15", to: "2021-11-19" });
    expect(Object.keys(result)).toEqual(["2021-11-15", "2021-11-16", "2021-11-17", "2021-11-18", "2021-11-19"]);
    for (const [date, row] of Object.entries(result)) {
      expect(Object.keys(row)).toEqual(["MA_5", "MA_10"]);
      const end = ally.dates.indexOf(date);
      const window = ally.close.slice(end - 10, end + 1);
      expect(row.MA_10).toBeCloseTo(riskProfile(window).annual_return, 12);
    }
  });

  it("needs k earlier prices, a date inside the series and integer periods ≥ 2", () => {
    const ally = recordedPrices("ALLY");
    expect(codeOf(() => movingAverages(ally))).toBe("SAMPLE_TOO_SMALL");
    expect(codeOf(() => movingAverages(ally, { periods: [5], from: "2030-01-01" }))).toBe("NO_PRICES");
    expect(codeOf(() => movingAverages(ally, { periods: [1] }))).toBe("INVALID_INPUT");
    expect(codeOf(() => movingAverages(ally, { periods: [5], method: "mode" as never }))).toBe("UNKNOWN_METHOD");
  });
});
