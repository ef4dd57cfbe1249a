import { describe, expect, it } from "vitest";
import { correlationMatrix } from "../src/correlation/index.js";
import { ScrillaError } from "../src/errors.js";
import { sampleCorrelation } from "../src/estimators/index.js";
import { logReturns } from "../src/returns/index.js";
import type { PriceSeries } from "../src/types.js";

/** Seeded GBM-like prices with a common factor, so the correlations are far from zero. */
function syntheticSeries(assets: number, prices: number, seed: number): PriceSeries[] {
  let state = seed;
  const uniform = () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32 - 0.5;
  };
  const dates = Array.from({ length: prices }, (_, t) => new Date(Date.UTC(2020, 0, 1 + t)).toISOString().slice(0, 10));
  const common = Array.from({ length: prices }, uniform);
  return Array.from({ length: assets }, (_, i) => {
    const close = new Float64Array(prices);
    close[0] = 50 + i;
    for (let t = 1; t < prices; t++)
      close[t] = close[t - 1]! * Math.exp(0.02 * (((i % 3) - 1) * common[t]! + uniform()));
    return { dates: [...dates], close };
  });
}

function thrown(run: () => unknown): ScrillaError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScrillaError) return error;
    throw error;
  }
  throw new Error("expected a ScrillaError");
}

describe("correlationMatrix on shared dates (log returns packed straight into the Gram kernel)", () => {
  // 37 assets: not a multiple of the 4-row panels, so the padded edge is exercised.
  const series = syntheticSeries(37, 120, 7);

  it("every entry equals Pearson of the two log-return series computed on its own", () => {
    const { correlation_matrix, repaired } = correlationMatrix(series);
    expect(repaired).toBe(false);
    const returns = series.map((s) => logReturns(s.close));
    for (let i = 0; i < series.length; i++) {
      for (let j = 0; j < series.length; j++) {
        const expected = i === j ? 1 : sampleCorrelation(returns[i]!, returns[j]!);
        expect(Math.abs(correlation_matrix[i]![j]! - expected)).toBeLessThan(1e-13);
        expect(correlation_matrix[i]![j]).toBe(correlation_matrix[j]![i]);
      }
    }
  });

  it("names the asset with a bad price, an overflowing ratio or constant prices", () => {
    const withBadPrice = series.map((s, i) =>
      i === 5 ? { ...s, close: s.close.map((p, t) => (t === 9 ? -p : p)) } : s,
    );
    const bad = thrown(() => correlationMatrix(withBadPrice));
    expect(bad.code).toBe("INVALID_INPUT");
    expect(bad.message).toContain("[9]");

    const overflow = series.map((s, i) =>
      i === 3 ? { ...s, close: s.close.map((_, t) => (t < 60 ? 1e-300 : 1e300)) } : s,
    );
    const overflowError = thrown(() => correlationMatrix(overflow));
    expect(overflowError.code).toBe("INVALID_INPUT");
    expect(overflowError.message).toContain("asset 3 on day 59");

    const flat = series.map((s, i) => (i === 11 ? { ...s, close: s.close.map(() => 42) } : s));
    const flatError = thrown(() => correlationMatrix(flat));
    expect(flatError.code).toBe("INVALID_INPUT");
    expect(flatError.details).toEqual({ asset: 11 });
  });
});
