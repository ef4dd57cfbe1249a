import { describe, expect, it } from "vitest";
import { returnsPanel, returnsPanelFromPrices } from "../src/covariance/index.js";
import { logReturns } from "../src/returns/index.js";
import { codeOf } from "./support/assertions.js";

describe("returnsPanelFromPrices (one pass per row)", () => {
  it("equals returnsPanel of each row's log returns exactly", () => {
    const prices = [0, 1, 2].map((seed) =>
      Float64Array.from({ length: 40 }, (_, t) => 20 + seed + Math.sin(t * (seed + 1))),
    );
    const fast = returnsPanelFromPrices(prices);
    const reference = returnsPanel(prices.map((row) => logReturns(row)));
    expect(fast.assets).toBe(3);
    expect(fast.days).toBe(39);
    expect(Array.from(fast.values)).toEqual(Array.from(reference.values));
  });

  it("reports the same errors: bad prices, too few prices, unequal rows", () => {
    expect(codeOf(() => returnsPanelFromPrices([Float64Array.of(1, 2, 3), Float64Array.of(1, -2, 3)]))).toBe(
      "INVALID_INPUT",
    );
    expect(codeOf(() => returnsPanelFromPrices([Float64Array.of(1, Number.NaN, 3)]))).toBe("INVALID_INPUT");
    expect(codeOf(() => returnsPanelFromPrices([Float64Array.of(1, Number.POSITIVE_INFINITY)]))).toBe("INVALID_INPUT");
    expect(codeOf(() => returnsPanelFromPrices([Float64Array.of(1)]))).toBe("SAMPLE_TOO_SMALL");
    expect(codeOf(() => returnsPanelFromPrices([Float64Array.of(1, 2, 3), Float64Array.of(1, 2)]))).toBe(
      "UNALIGNED_SERIES",
    );
    expect(codeOf(() => returnsPanelFromPrices([Float64Array.of(1e-300, 1e300)]))).toBe("INVALID_INPUT");
    expect(codeOf(() => returnsPanelFromPrices([]))).toBe("SAMPLE_TOO_SMALL");
  });
});
