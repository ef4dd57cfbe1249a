import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attainableReturnRange,
  efficientFrontier,
  maximumSharpe,
  minimumConditionalValueAtRisk,
  minimumVariance,
  normalCdf,
  normalPdf,
  normalQuantile,
  type PortfolioModel,
  portfolioModel,
} from "../src/index.js";
import { factorCovariance } from "./support/factor-covariance.js";

const FEASIBILITY = 1e-9;
const KKT = 1e-7;

interface Problem {
  n: number;
  annualReturns: number[];
  covariance: Float64Array;
  lower: number[];
  upper: number[];
}

/** Well-conditioned random problems: Σ = B·Bᵀ + D with two factors and idiosyncratic variances ≥ 0.005. */
const problem = (withBounds: boolean): fc.Arbitrary<Problem> =>
  fc.integer({ min: 2, max: 9 }).chain((n) =>
    fc
      .record({
        n: fc.constant(n),
        // Whole basis points: realistic spreads, and exact ties happen.
        annualReturns: fc.array(
          fc.integer({ min: -500, max: 3000 }).map((bp) => bp / 10_000),
          { minLength: n, maxLength: n },
        ),
        loadings: fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 2 * n, maxLength: 2 * n }),
        idiosyncratic: fc.array(fc.double({ min: 0.005, max: 0.06, noNaN: true }), { minLength: n, maxLength: n }),
        lower: withBounds
          ? fc.array(fc.double({ min: 0, max: 0.4 / n, noNaN: true }), { minLength: n, maxLength: n })
          : fc.constant(new Array<number>(n).fill(0)),
        upper: withBounds
          ? fc.array(fc.double({ min: 0.55, max: 1, noNaN: true }), { minLength: n, maxLength: n })
          : fc.constant(new Array<number>(n).fill(1)),
      })
      .map(({ loadings, idiosyncratic, ...rest }) => {
        return { ...rest, covariance: factorCovariance(loadings, idiosyncratic, 2) };
      }),
  );

const modelOf = (p: Problem): PortfolioModel =>
  portfolioModel({ annualReturns: p.annualReturns, covariance: p.covariance });

function sigmaTimes(p: Problem, w: ArrayLike<number>): number[] {
  return Array.from({ length: p.n }, (_, i) => {
    let sum = 0;
    for (let j = 0; j < p.n; j++) sum += p.covariance[i * p.n + j]! * w[j]!;
    return sum;
  });
}

function expectFeasible(p: Problem, w: ArrayLike<number>): void {
  let sum = 0;
  for (let i = 0; i < p.n; i++) {
    expect(w[i]!).toBeGreaterThanOrEqual(p.lower[i]! - FEASIBILITY);
    expect(w[i]!).toBeLessThanOrEqual(p.upper[i]! + FEASIBILITY);
    sum += w[i]!;
  }
  expect(Math.abs(sum - 1)).toBeLessThanOrEqual(FEASIBILITY);
}

/**
 * Smallest violation of the KKT conditions of  min f(w) s.t. Σw = 1 (, μᵀw = R), l ≤ w ≤ u  given ∇f(w),
 * over all multipliers: gᵢ − λ − γμᵢ must be 0 for free assets, ≥ 0 at a lower bound, ≤ 0 at an upper one.
 * For fixed γ the best λ is the midpoint of [max over free/upper, min over free/lower] of eᵢ = gᵢ − γμᵢ;
 * the resulting violation is convex piecewise-linear in γ, so its minimum is at a crossing of two lines
 * (or, when it keeps falling, far out).
 */
function kktViolation(p: Problem, w: ArrayLike<number>, gradient: number[], withTarget: boolean): number {
  const atLower = (i: number) => w[i]! - p.lower[i]! <= FEASIBILITY;
  const atUpper = (i: number) => p.upper[i]! - w[i]! <= FEASIBILITY;
  const violationAt = (gamma: number): number => {
    let ceiling = Number.POSITIVE_INFINITY;
    let floor = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < p.n; i++) {
      const e = gradient[i]! - gamma * p.annualReturns[i]!;
      if (!atUpper(i)) ceiling = Math.min(ceiling, e);
      if (!atLower(i)) floor = Math.max(floor, e);
    }
    return Math.max(0, (floor - ceiling) / 2);
  };
  if (!withTarget) return violationAt(0);
  const candidates = [0];
  for (let i = 0; i < p.n; i++) {
    for (let j = i + 1; j < p.n; j++) {
      const spread = p.annualReturns[i]! - p.annualReturns[j]!;
      if (spread !== 0) candidates.push((gradient[i]! - gradient[j]!) / spread);
    }
  }
  // Beyond the outermost crossings the function is linear; a far point shows whether it keeps falling there.
  const reach = 1e3 * (1 + Math.max(...candidates.map(Math.abs)));
  candidates.push(Math.min(...candidates) - reach, Math.max(...candidates) + reach);
  return Math.min(...candidates.map(violationAt));
}

describe("optimality on random well-conditioned problems", () => {
  it("minimum variance is feasible and satisfies KKT", () => {
    fc.assert(
      fc.property(problem(true), (p) => {
        const result = minimumVariance(modelOf(p), { bounds: { lower: p.lower, upper: p.upper } });
        expectFeasible(p, result.weights);
        expect(kktViolation(p, result.weights, sigmaTimes(p, result.weights), false)).toBeLessThanOrEqual(KKT);
      }),
      { numRuns: 300 },
    );
  });

  it("minimum variance at a target return is feasible, hits the target and satisfies KKT", () => {
    // The ends of the range are degenerate vertices (a unique feasible point): sample them often.
    const fractions = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(problem(true), fractions, (p, fraction) => {
        const model = modelOf(p);
        const bounds = { lower: p.lower, upper: p.upper };
        const range = attainableReturnRange(model, bounds);
        const target = range.minimum + fraction * (range.maximum - range.minimum);
        const result = minimumVariance(model, { bounds, targetReturn: target });
        expectFeasible(p, result.weights);
        expect(Math.abs(result.annualReturn - target)).toBeLessThanOrEqual(FEASIBILITY);
        expect(kktViolation(p, result.weights, sigmaTimes(p, result.weights), true)).toBeLessThanOrEqual(KKT);
      }),
      { numRuns: 300 },
    );
  });

  it("maximum Sharpe is feasible and satisfies KKT of −(R − rf)/σ", () => {
    fc.assert(
      fc.property(problem(true), fc.double({ min: 0, max: 0.04, noNaN: true }), (p, riskFreeRate) => {
        const model = modelOf(p);
        const bounds = { lower: p.lower, upper: p.upper };
        fc.pre(attainableReturnRange(model, bounds).maximum > riskFreeRate + 1e-3);
        const result = maximumSharpe(model, { bounds, riskFreeRate });
        const w = result.weights;
        expectFeasible(p, w);
        const sigma = result.annualVolatility;
        const excess = result.annualReturn - riskFreeRate;
        const sw = sigmaTimes(p, w);
        const gradient = p.annualReturns.map((mu, i) => -(mu - riskFreeRate) / sigma + (excess * sw[i]!) / sigma ** 3);
        expect(kktViolation(p, w, gradient, false)).toBeLessThanOrEqual(KKT);
      }),
      { numRuns: 300 },
    );
  });

  it("minimum CVaR is feasible and satisfies KKT of 1 − e^{RT}Φ(z_p − σ√T)/p", () => {
    fc.assert(
      fc.property(
        problem(true),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        fc.double({ min: 0.01, max: 0.2, noNaN: true }),
        (p, expiry, probability) => {
          const result = minimumConditionalValueAtRisk(modelOf(p), {
            bounds: { lower: p.lower, upper: p.upper },
            expiry,
            probability,
          });
          const w = result.weights;
          expectFeasible(p, w);
          const sigma = result.annualVolatility;
          const a = normalQuantile(probability) - sigma * Math.sqrt(expiry);
          const growth = Math.exp(result.annualReturn * expiry) / probability;
          const sw = sigmaTimes(p, w);
          const gradient = p.annualReturns.map(
            (mu, i) => -growth * (expiry * normalCdf(a) * mu - Math.sqrt(expiry) * normalPdf(a) * (sw[i]! / sigma)),
          );
          expect(kktViolation(p, w, gradient, false)).toBeLessThanOrEqual(KKT);
          expect(result.conditionalValueAtRisk).toBeCloseTo(1 - growth * normalCdf(a), 12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("the frontier rises in return from the minimum-variance portfolio to the maximum return, volatility non-decreasing", () => {
    fc.assert(
      fc.property(problem(true), fc.integer({ min: 2, max: 12 }), (p, steps) => {
        const model = modelOf(p);
        const bounds = { lower: p.lower, upper: p.upper };
        const frontier = efficientFrontier(model, { bounds, steps });
        expect(frontier).toHaveLength(steps);
        const first = minimumVariance(model, { bounds });
        expect(Math.abs(frontier[0]!.annualVolatility - first.annualVolatility)).toBeLessThanOrEqual(1e-12);
        expect(
          Math.abs(frontier.at(-1)!.annualReturn - attainableReturnRange(model, bounds).maximum),
        ).toBeLessThanOrEqual(FEASIBILITY);
        for (let i = 1; i < steps; i++) {
          const previous = frontier[i - 1]!;
          const point = frontier[i]!;
          expectFeasible(p, point.weights);
          expect(point.annualReturn).toBeGreaterThanOrEqual(previous.annualReturn - 1e-12);
          expect(point.annualVolatility).toBeGreaterThanOrEqual(previous.annualVolatility - 1e-10);
          expect(kktViolation(p, point.weights, sigmaTimes(p, point.weights), true)).toBeLessThanOrEqual(KKT);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("stays exact when the covariance holds subnormal entries (regression: Givens rotations of 5e-324)", () => {
    const n = 8;
    const covariance = new Float64Array(n * n);
    const variances = [0.005, 0.005, 0.005659285579492144, 0.005, 0.005, 0.005, 0.06000000012808306, 0.0675];
    variances.forEach((variance, i) => {
      covariance[i * n + i] = variance;
    });
    covariance[0 * n + 7] = covariance[7 * n + 0] = -5e-324;
    covariance[2 * n + 7] = covariance[7 * n + 2] = -0.006419139250573945;
    const p: Problem = {
      n,
      annualReturns: [0, 0.009, 0, 0, 0.0223, 0.0007, 0, 0],
      covariance,
      lower: [0, 0, 0, 0, 0, 0, 0, 0.00018945714667612974],
      upper: [0.55, 0.55, 0.55, 0.55, 0.6965935254667681, 0.55, 0.55, 0.55],
    };
    const result = maximumSharpe(modelOf(p), { bounds: { lower: p.lower, upper: p.upper }, riskFreeRate: 0 });
    const w = result.weights;
    expectFeasible(p, w);
    const sw = sigmaTimes(p, w);
    const sigma = result.annualVolatility;
    const gradient = p.annualReturns.map((mu, i) => -mu / sigma + (result.annualReturn * sw[i]!) / sigma ** 3);
    expect(kktViolation(p, w, gradient, false)).toBeLessThanOrEqual(KKT);
  });

  it("finds a minimum CVaR sitting on a kink of the frontier next to a nearly flat face (regression)", () => {
    // Past R = 0.55·0.2994 + 0.45·0.2996 only a shift from asset 0 to asset 1 (μ 2 bp apart) raises the return,
    // so σ*(R) turns steeply there; the optimum is that kink, w = (0.55, 0.45, 0, 0).
    const covariance = new Float64Array(16);
    [0.009333800363525636, 0.01153317591154451, 0.005, 0.005].forEach((variance, i) => {
      covariance[i * 4 + i] = variance;
    });
    const p: Problem = {
      n: 4,
      annualReturns: [0.2994, 0.2996, 0, 0],
      covariance,
      lower: [0, 0, 0, 0],
      upper: [0.55, 0.6876125658536448, 0.55, 0.55],
    };
    const result = minimumConditionalValueAtRisk(modelOf(p), {
      bounds: { lower: p.lower, upper: p.upper },
      expiry: 0.1171325692782846,
      probability: 0.2,
    });
    expect(Math.abs(result.weights[0]! - 0.55)).toBeLessThanOrEqual(1e-10);
    expect(Math.abs(result.weights[1]! - 0.45)).toBeLessThanOrEqual(1e-10);
    expectFeasible(p, result.weights);
  });
});
