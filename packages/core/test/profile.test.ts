import { describe, expect, it } from "vitest";
import { parseEstimationMethod, riskProfile } from "../src/profile/index.js";
import { codeOf } from "./support/assertions.js";

describe("riskProfile", () => {
  const prices = [100, 102, 101, 105, 103, 108, 107, 111];

  it("moments: σ = sd(r)/√dt and μ = mean(r)/dt + σ²/2, computed independently", () => {
    const r = prices.slice(1).map((p, i) => Math.log(p / prices[i]!));
    const mean = r.reduce((s, v) => s + v, 0) / r.length;
    const variance = r.reduce((s, v) => s + (v - mean) ** 2, 0) / (r.length - 1);
    const profile = riskProfile(prices);
    expect(profile.annual_volatility).toBeCloseTo(Math.sqrt(variance * 252), 12);
    expect(profile.annual_return).toBeCloseTo(mean * 252 + (variance * 252) / 2, 12);
  });

  it("likelihood volatility is the moments one × √((n−1)/n)", () => {
    const n = prices.length - 1;
    const moments = riskProfile(prices, { method: "moments" });
    const likelihood = riskProfile(prices, { method: "likelihood" });
    expect(likelihood.annual_volatility).toBeCloseTo(moments.annual_volatility * Math.sqrt((n - 1) / n), 12);
  });

  it("needs at least 3 prices for every method (D-12)", () => {
    for (const method of ["moments", "percentiles", "likelihood"] as const) {
      expect(codeOf(() => riskProfile([100, 101], { method }))).toBe("SAMPLE_TOO_SMALL");
    }
  });

  it("rejects bad prices, unknown methods and degenerate percentile matching", () => {
    expect(codeOf(() => riskProfile([100, 0, 101]))).toBe("INVALID_INPUT");
    expect(codeOf(() => riskProfile(prices, { method: "median" as never }))).toBe("UNKNOWN_METHOD");
    expect(codeOf(() => parseEstimationMethod("mle"))).toBe("UNKNOWN_METHOD");
    expect(codeOf(() => riskProfile([100, 100, 100, 100], { method: "percentiles" }))).toBe("INVALID_INPUT");
  });
});
