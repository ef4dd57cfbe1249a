import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { constrainedMinimumVariance, maximumQuadraticUtility, portfolioModel, ScrillaError } from "../src/index.js";
import { attempt, cases, constraintsOf, feasibleSet, sigmaTimes } from "./support/constraint-cases.js";
import { certifyLp } from "./support/lp-certificate.js";

const FEASIBILITY = 1e-9;
const KKT = 1e-8;

describe("constrained mean-variance: KKT certified with multipliers computed in the test", () => {
  it("minimum variance (γ‖w‖²) with shorts, group caps, leverage and turnover caps", () => {
    let solved = 0;
    fc.assert(
      fc.property(cases, (c) => {
        const model = portfolioModel({ annualReturns: c.mu, covariance: c.covariance });
        const result = attempt(() =>
          constrainedMinimumVariance(model, { constraints: constraintsOf(c), gamma: c.gamma }),
        );
        if (!result) return;
        solved++;
        const w = result.weights;
        const gradient = sigmaTimes(c, w).map((v, i) => v + 2 * c.gamma * w[i]!);
        const certificate = certifyLp(gradient, feasibleSet(c), w);
        expect(certificate.infeasibility).toBeLessThanOrEqual(FEASIBILITY);
        expect(certificate.stationarity).toBeLessThanOrEqual(KKT);
      }),
      { numRuns: 150 },
    );
    expect(solved).toBeGreaterThan(50);
  });

  it("quadratic utility μᵀw − (δ/2)wᵀΣw under the same constraints", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const model = portfolioModel({ annualReturns: c.mu, covariance: c.covariance });
        const result = attempt(() =>
          maximumQuadraticUtility(model, {
            constraints: constraintsOf(c),
            riskAversion: c.riskAversion,
            gamma: c.gamma,
          }),
        );
        if (!result) return;
        const w = result.weights;
        const gradient = sigmaTimes(c, w).map((v, i) => c.riskAversion * v + 2 * c.gamma * w[i]! - c.mu[i]!);
        const certificate = certifyLp(gradient, feasibleSet(c), w);
        expect(certificate.infeasibility).toBeLessThanOrEqual(FEASIBILITY);
        expect(certificate.stationarity).toBeLessThanOrEqual(KKT);
      }),
      { numRuns: 150 },
    );
  });
});

describe("closed forms", () => {
  const covariance = [
    [0.04, 0.006, 0.01],
    [0.006, 0.09, -0.012],
    [0.01, -0.012, 0.0225],
  ];
  const mu = [0.08, 0.12, 0.05];
  const inverse = invert3(covariance);
  const model = portfolioModel({ annualReturns: mu, covariance });
  const free = { bounds: { lower: -Infinity, upper: Infinity } };

  it("unconstrained-sign minimum variance is Σ⁻¹1 / 1ᵀΣ⁻¹1", () => {
    const raw = inverse.map((row) => row.reduce((a, b) => a + b, 0));
    const total = raw.reduce((a, b) => a + b, 0);
    const w = constrainedMinimumVariance(model, { constraints: free }).weights;
    raw.forEach((v, i) => {
      expect(w[i]!).toBeCloseTo(v / total, 12);
    });
  });

  it("market-neutral utility is (1/δ)·Σ⁻¹(μ − ν1) with ν making Σw = 0", () => {
    const delta = 3;
    const a = inverse.map((row) => row.reduce((s, v, j) => s + v * mu[j]!, 0));
    const b = inverse.map((row) => row.reduce((s, v) => s + v, 0));
    const nu = a.reduce((s, v) => s + v, 0) / b.reduce((s, v) => s + v, 0);
    const w = maximumQuadraticUtility(model, { riskAversion: delta, constraints: { ...free, budget: 0 } }).weights;
    a.forEach((v, i) => {
      expect(w[i]!).toBeCloseTo((v - nu * b[i]!) / delta, 12);
    });
  });
});

describe("infeasible constraint sets name the conflict", () => {
  const model = portfolioModel({
    annualReturns: [0.1, 0.12, 0.08, 0.05],
    covariance: [
      [0.04, 0, 0, 0],
      [0, 0.05, 0, 0],
      [0, 0, 0.03, 0],
      [0, 0, 0, 0.02],
    ],
  });
  const membership = ["tech", "tech", "energy", "energy"];
  const thrown = (limits: Record<string, { min?: number; max?: number }>, lower = 0): ScrillaError => {
    try {
      constrainedMinimumVariance(model, { constraints: { bounds: { lower }, groups: { membership, limits } } });
    } catch (error) {
      if (error instanceof ScrillaError) return error;
      throw error;
    }
    throw new Error("expected INFEASIBLE");
  };

  it("a cap below the members' floors names the group", () => {
    const error = thrown({ tech: { max: 0.1 } }, 0.1);
    expect(error.code).toBe("INFEASIBLE");
    expect(error.message).toContain('"tech"');
  });

  it("floors that together exceed the budget are found by the solver and named", () => {
    const error = thrown({ tech: { min: 0.7 }, energy: { min: 0.5 } });
    expect(error.code).toBe("INFEASIBLE");
    expect(String(error.details?.constraint)).toMatch(/group (tech|energy) floor|budget/);
  });
});

function invert3(m: number[][]): number[][] {
  const [a, b, c] = m[0]!;
  const [d, e, f] = m[1]!;
  const [g, h, i] = m[2]!;
  const det = a! * (e! * i! - f! * h!) - b! * (d! * i! - f! * g!) + c! * (d! * h! - e! * g!);
  return [
    [(e! * i! - f! * h!) / det, (c! * h! - b! * i!) / det, (b! * f! - c! * e!) / det],
    [(f! * g! - d! * i!) / det, (a! * i! - c! * g!) / det, (c! * d! - a! * f!) / det],
    [(d! * h! - e! * g!) / det, (b! * g! - a! * h!) / det, (a! * e! - b! * d!) / det],
  ];
}
