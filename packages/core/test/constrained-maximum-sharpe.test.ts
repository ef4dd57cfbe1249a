import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  constrainedMaximumSharpe,
  constrainedMinimumVariance,
  maximumSharpe,
  type PortfolioConstraintsInput,
  portfolioModel,
  type ScrillaError,
} from "../src/index.js";
import { codeOf } from "./support/assertions.js";
import { attempt, cases, constraintsOf, feasibleSet, sigmaTimes } from "./support/constraint-cases.js";
import { certifyLp } from "./support/lp-certificate.js";

/** Sharpe ratio and its gradient ∇S = μ/σ − (μᵀw − rf)·Σw/σ³, by plain loops. */
function sharpe(c: { n: number; mu: number[]; covariance: Float64Array }, w: ArrayLike<number>, rf: number) {
  const sw = sigmaTimes(c, w);
  let variance = 0;
  let excess = -rf;
  for (let i = 0; i < c.n; i++) {
    variance += w[i]! * sw[i]!;
    excess += c.mu[i]! * w[i]!;
  }
  const sigma = Math.sqrt(variance);
  const gradient = c.mu.map((m, i) => m / sigma - (excess * sw[i]!) / sigma ** 3);
  return { value: excess / sigma, gradient };
}

describe("constrained maximum Sharpe (Charnes–Cooper, homogenised constraints)", () => {
  it("satisfies the KKT conditions of max S(w) over the constraints, multipliers found in the test", () => {
    // S is pseudo-concave where μᵀw > rf, so KKT at a feasible point certifies the global maximum.
    let solved = 0;
    fc.assert(
      fc.property(cases, (c) => {
        const model = portfolioModel({ annualReturns: c.mu, covariance: c.covariance });
        const result = attempt(() =>
          constrainedMaximumSharpe(model, { constraints: constraintsOf(c), riskFreeRate: c.riskFreeRate }),
        );
        if (!result) return;
        solved++;
        const w = result.weights;
        const { value, gradient } = sharpe(c, w, c.riskFreeRate);
        expect(value).toBeGreaterThan(0);
        expect(result.sharpeRatio!).toBeCloseTo(value, 10);
        const scale = Math.max(...gradient.map(Math.abs));
        const certificate = certifyLp(
          gradient.map((g) => -g),
          feasibleSet(c),
          w,
        );
        expect(certificate.infeasibility).toBeLessThanOrEqual(1e-9);
        expect(certificate.stationarity).toBeLessThanOrEqual(1e-8 * (1 + scale));
      }),
      { numRuns: 150 },
    );
    expect(solved).toBeGreaterThan(50);
  });

  it("equals the long-only maximumSharpe when the constraints are the default box", () => {
    const model = portfolioModel({
      annualReturns: [0.08, 0.12, 0.05],
      covariance: [
        [0.04, 0.006, 0.01],
        [0.006, 0.09, -0.012],
        [0.01, -0.012, 0.0225],
      ],
    });
    const classic = maximumSharpe(model, { riskFreeRate: 0.02 }).weights;
    const constrained = constrainedMaximumSharpe(model, { riskFreeRate: 0.02 }).weights;
    classic.forEach((v, i) => {
      expect(constrained[i]!).toBeCloseTo(v, 10);
    });
  });
});

describe("small cases against brute force and the frontier", () => {
  const mu = [0.08, 0.12, 0.05];
  const covariance = [
    [0.04, 0.006, 0.01],
    [0.006, 0.09, -0.012],
    [0.01, -0.012, 0.0225],
  ];
  const c = { n: 3, mu, covariance: Float64Array.from(covariance.flat()) };
  const model = portfolioModel({ annualReturns: mu, covariance });
  const rf = 0.03;
  // Shorts down to −0.4, at most 0.5 in each asset, and assets 0 and 1 ("growth") together at most 0.6.
  const constraints: PortfolioConstraintsInput = {
    bounds: { lower: -0.4, upper: 0.5 },
    groups: { membership: ["growth", "growth", "bonds"], limits: { growth: { max: 0.6 } } },
  };
  const admissible = (w: number[]) => w.every((v) => v >= -0.4 - 1e-12 && v <= 0.5 + 1e-12) && w[0]! + w[1]! <= 0.6;

  it("beats every point of a 1/400 grid of the constrained set, and lies within a grid step of the best", () => {
    const solver = constrainedMaximumSharpe(model, { constraints, riskFreeRate: rf });
    let best = { value: Number.NEGATIVE_INFINITY, w: [0, 0, 0] };
    for (let a = -160; a <= 200; a++) {
      for (let b = -160; b <= 200; b++) {
        const w = [a / 400, b / 400, 1 - a / 400 - b / 400];
        if (!admissible(w)) continue;
        const value = sharpe(c, w, rf).value;
        if (value > best.value) best = { value, w };
      }
    }
    expect(solver.sharpeRatio!).toBeGreaterThanOrEqual(best.value - 1e-12);
    solver.weights.forEach((v, i) => {
      expect(Math.abs(v - best.w[i]!)).toBeLessThan(2 / 400);
    });
    // The constraints bind: the unconstrained tangency is different.
    const free = constrainedMaximumSharpe(model, {
      riskFreeRate: rf,
      constraints: { bounds: { lower: -5, upper: 5 } },
    });
    expect(Math.abs(free.weights[0]! - solver.weights[0]!)).toBeGreaterThan(1e-3);
  });

  it("is the tangency of a fine grid of the constrained frontier", () => {
    const solver = constrainedMaximumSharpe(model, { constraints, riskFreeRate: rf });
    const low = constrainedMinimumVariance(model, { constraints }).annualReturn;
    let best = Number.NEGATIVE_INFINITY;
    for (let k = 0; k <= 2000; k++) {
      const target = low + (k / 2000) * (0.1 - low);
      try {
        const point = constrainedMinimumVariance(model, { constraints, targetReturn: target });
        best = Math.max(best, (point.annualReturn - rf) / point.annualVolatility);
      } catch (error) {
        if ((error as ScrillaError).code !== "INFEASIBLE") throw error;
      }
    }
    expect(solver.sharpeRatio!).toBeGreaterThanOrEqual(best - 1e-12);
    expect(solver.sharpeRatio! - best).toBeLessThan(1e-6);
  });

  it("two assets with a cap: the unconstrained tangency clipped to the cap, by hand", () => {
    const two = portfolioModel({
      annualReturns: [0.1, 0.04],
      covariance: [
        [0.04, 0.002],
        [0.002, 0.01],
      ],
    });
    // Tangency ∝ Σ⁻¹(μ − rf): for 2×2, [0.01·0.08 − 0.002·0.02, −0.002·0.08 + 0.04·0.02] / det.
    const raw = [0.01 * 0.08 - 0.002 * 0.02, -0.002 * 0.08 + 0.04 * 0.02];
    const tangency = raw[0]! / (raw[0]! + raw[1]!);
    const free = constrainedMaximumSharpe(two, { riskFreeRate: 0.02 }).weights[0]!;
    expect(free).toBeCloseTo(tangency, 12);
    // S is unimodal along the segment, so a cap below the tangency binds exactly.
    const capped = constrainedMaximumSharpe(two, { riskFreeRate: 0.02, constraints: { bounds: { upper: [0.4, 1] } } });
    expect(capped.weights[0]!).toBeCloseTo(0.4, 12);
  });

  it("market neutral is a typed INVALID_INPUT; nothing above rf is INFEASIBLE; a target; bad constraints named", () => {
    expect(codeOf(() => constrainedMaximumSharpe(model, { constraints: { budget: 0, bounds: { lower: -1 } } }))).toBe(
      "INVALID_INPUT",
    );
    expect(codeOf(() => constrainedMaximumSharpe(model, { riskFreeRate: 0.2 }))).toBe("INFEASIBLE");
    // With a target return: the least-variance portfolio there, which needs the target above rf.
    const atTarget = constrainedMaximumSharpe(model, { constraints, riskFreeRate: rf, targetReturn: 0.07 }).weights;
    const least = constrainedMinimumVariance(model, { constraints, targetReturn: 0.07 }).weights;
    atTarget.forEach((v, i) => {
      expect(v).toBeCloseTo(least[i]!, 14);
    });
    expect(codeOf(() => constrainedMaximumSharpe(model, { riskFreeRate: rf, targetReturn: 0.02 }))).toBe("INFEASIBLE");
    try {
      constrainedMaximumSharpe(model, {
        constraints: { groups: { membership: ["a", "a", "b"], limits: { a: { min: 0.7 }, b: { min: 0.5 } } } },
      });
      throw new Error("expected INFEASIBLE");
    } catch (error) {
      expect((error as ScrillaError).code).toBe("INFEASIBLE");
      expect((error as ScrillaError).message).toMatch(/group (a|b) floor|budget/);
    }
  });
});
