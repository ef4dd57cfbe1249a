import { describe, expect, it } from "vitest";
import { exceedsAccuracy, formatMoney, formatNumber, formatPercent, significantDigits } from "../src/index.js";

// The cases of the original's test_static_formats.py and test_util_helper.py (spec §10.8).
describe("spec §10.7 number formatting", () => {
  it.each([
    [0.03, "0.03"],
    [1e-7, "0.0000001"],
    [1e-10, "0"],
    [0.15678, "0.15678"],
    [1.123456, "1.1235"],
    [-0.05, "-0.05"],
    [-0.04324, "-0.04324"],
    [-3.20987591, "-3.2099"],
    [473.3456, "473.35"],
    [1.0237498237589233, "1.0237"],
  ])("formatNumber(%d) = %s", (x, expected) => {
    expect(formatNumber(x)).toBe(expected);
  });

  it.each([
    [0.03, "3%"],
    [0.15678, "15.678%"],
    [1.123456, "112.35%"],
    [1e-13, "0%"],
    [-0.05, "-5%"],
    [-0.04324, "-4.324%"],
    [-3.20987591, "-320.99%"],
    [0.067, "6.7%"],
    [1.35, "135%"],
  ])("formatPercent(%d) = %s", (x, expected) => {
    expect(formatPercent(x)).toBe(expected);
  });

  it.each([
    [1500, 1, 2000],
    [0.03452, 2, 0.035],
    [15.325, 3, 15.3],
    [-245, 2, -240],
    [-2.34566, 3, -2.35],
    [0, 3, 0],
  ])("significantDigits(%d, %d) = %d", (x, digits, expected) => {
    expect(significantDigits(x, digits)).toBeCloseTo(expected, 12);
  });

  it("exceedsAccuracy is true only for 0 and ±1e-8 among ±1e-2…±1e-8", () => {
    const magnitudes = [1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];
    const flagged = magnitudes.flatMap((m) => [m, -m]).filter(exceedsAccuracy);
    expect(flagged).toEqual([1e-8, -1e-8]);
    expect(exceedsAccuracy(0)).toBe(true);
  });

  it("formats money to the cent with separators", () => {
    expect(formatMoney(9699.386)).toBe("$9,699.39");
    expect(formatMoney(-30.2989)).toBe("-$30.30");
  });
});
