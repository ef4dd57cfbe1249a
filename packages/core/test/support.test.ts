import { describe, expect, it } from "vitest";
import { recordedDividends, recordedPrices } from "./support/recorded-prices.js";

describe("recorded fixtures (spec Appendix A setup)", () => {
  it("gives 92 equity prices and 129 crypto prices in the test window, ascending", () => {
    const ally = recordedPrices("ALLY");
    expect(ally.dates.length).toBe(92);
    expect(ally.dates[0]! < ally.dates[1]!).toBe(true);
    expect(recordedPrices("BTC").dates.length).toBe(129);
    expect(recordedPrices("ALLY", "2021-10-22", "2021-10-22").close[0]).toBeCloseTo(50.7, 10);
  });
  it("reads 20 ALLY dividend payments", () => {
    expect(recordedDividends("ALLY").length).toBe(20);
  });
});
