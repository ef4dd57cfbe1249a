import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  conditionalDrawdownAtRisk,
  constrainedMinimumVariance,
  historicalConditionalValueAtRisk,
  maximumQuadraticUtility,
  minimumScenarioRisk,
  type PortfolioConstraintsInput,
  portfolioModel,
  type ScrillaError,
  semivariance,
  tickerTransactionCosts,
  transactionCost,
} from "../src/index.js";
import { attempt, marketFields, sigmaTimes } from "./support/constraint-cases.js";
import { factorCovariance } from "./support/factor-covariance.js";
import { certifyLp, type Row } from "./support/lp-certificate.js";

const FEASIBILITY = 1e-9;
const KKT = 1e-8;

interface Case {
  n: number;
  mu: number[];
  covariance: Float64Array;
  lower: number;
  upper: number;
  current: number[];
  rates: number[];
  turnover: number | undefined;
  leverage?: number | undefined;
  riskAversion: number;
}

const cases: fc.Arbitrary<Case> = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc
    .record({
      ...marketFields(n),
      lower: fc.constantFrom(0, -0.3),
      upper: fc.constantFrom(0.6, 1),
      // Raw current holdings, normalised below to sum to 1; zeros are common (assets not yet held).
      held: fc.array(fc.constantFrom(0, 0, 1, 2, 3, 5), { minLength: n, maxLength: n }),
      rates: fc.array(fc.constantFrom(0, 0.0005, 0.002, 0.01, 0.05), { minLength: n, maxLength: n }),
      turnover: fc.option(fc.double({ min: 0.05, max: 1, noNaN: true }), { nil: undefined }),
      leverage: fc.option(fc.double({ min: 1, max: 1.6, noNaN: true }), { nil: undefined }),
      riskAversion: fc.double({ min: 0.5, max: 10, noNaN: true }),
    })
    .map(({ loadings, idiosyncratic, held, ...rest }) => {
      const total = held.reduce<number>((a, b) => a + b, 0);
      const current = total === 0 ? held.map(() => 1 / n) : held.map((h) => h / total);
      return { ...rest, covariance: factorCovariance(loadings, idiosyncratic, 2), current };
    })
    .filter((c) => c.upper * c.n >= 1.05),
);

/**
 * Degenerate points fast-check found, where the piece walk once gave up: the optimum trades nothing or sits on
 * a binding cap, so kink rows, the budget and the caps are active together and their multipliers not unique.
 */
const diagonal = (...d: number[]) =>
  Float64Array.from({ length: d.length * d.length }, (_, k) => (k % (d.length + 1) === 0 ? d[k / (d.length + 1)]! : 0));
const DEGENERATE: [Case][] = [
  [
    {
      n: 4,
      mu: [0, 0, 0, 0],
      lower: 0,
      upper: 0.6,
      rates: [0.05, 0.05, 0.05, 0],
      turnover: 0.05,
      leverage: undefined,
      riskAversion: 0.5,
      covariance: diagonal(0.09505453534716622, 0.005000000000000005, 0.009758914252868433, 0.005),
      current: [0.2, 0, 0.6, 0.2],
    },
  ],
  [
    {
      n: 3,
      mu: [0, 0, 0],
      lower: -0.3,
      upper: 0.6,
      rates: [0.05, 0, 0.05],
      turnover: undefined,
      leverage: 1,
      riskAversion: 0.5,
      covariance: diagonal(0.11155345992545751, 0.014578462783204536, 0.005),
      current: [0.4, 0, 0.6],
    },
  ],
  [
    {
      n: 4,
      mu: [0, 0, 0, 0],
      lower: 0,
      upper: 0.6,
      rates: [0.05, 0.01, 0.05, 0.05],
      turnover: undefined,
      leverage: undefined,
      riskAversion: 0.5,
      covariance: diagonal(0.005, 0.026622486547007173, 0.02574769737275323, 0.04743347754451636),
      current: [2 / 7, 1 / 7, 2 / 7, 2 / 7],
    },
  ],
];

function constraintsOf(c: Case): PortfolioConstraintsInput {
  return {
    bounds: { lower: c.lower, upper: c.upper },
    ...(c.turnover !== undefined && { turnover: { current: c.current, max: c.turnover } }),
    ...(c.leverage !== undefined && { leverage: c.leverage }),
  };
}

/**
 * The exact split written out in the test: variables (w, u, v) with w − u + v = w⁰, u, v ≥ 0, cost cᵀ(u + v),
 * the weight constraints on w, and the turnover cap by all 2ⁿ sign vectors. KKT is then certified in this
 * lifted problem at u = (w − w⁰)⁺, v = (w⁰ − w)⁺ with multipliers found by the test's own NNLS. The leverage
 * cap Σ|wᵢ| ≤ L is written the same way.
 */
function liftedRows(c: Case): Row[] {
  const n = c.n;
  const width = 3 * n;
  const unit = (k: number, s: number) => Array.from({ length: width }, (_, j) => (j === k ? s : 0));
  const onWeights = (normal: number[]) => [...normal, ...new Array<number>(2 * n).fill(0)];
  const rows: Row[] = [{ normal: onWeights(new Array(n).fill(1)), bound: 1, equality: true }];
  for (let i = 0; i < n; i++) {
    rows.push({ normal: unit(i, 1), bound: c.lower }, { normal: unit(i, -1), bound: -c.upper });
    const split = new Array<number>(width).fill(0);
    split[i] = 1;
    split[n + i] = -1;
    split[2 * n + i] = 1;
    rows.push({ normal: split, bound: c.current[i]!, equality: true });
    rows.push({ normal: unit(n + i, 1), bound: 0 }, { normal: unit(2 * n + i, 1), bound: 0 });
  }
  for (let mask = 0; mask < 2 ** n; mask++) {
    const s = Array.from({ length: n }, (_, i) => ((mask >> i) & 1 ? 1 : -1));
    if (c.leverage !== undefined) rows.push({ normal: onWeights(s.map((v) => -v)), bound: -c.leverage });
    if (c.turnover !== undefined) {
      const shift = s.reduce((sum, v, i) => sum + v * c.current[i]!, 0);
      rows.push({ normal: onWeights(s.map((v) => -v)), bound: -(c.turnover + shift) });
    }
  }
  return rows;
}

function lifted(c: Case, w: ArrayLike<number>): number[] {
  const x = Array.from(w);
  for (let i = 0; i < c.n; i++) x.push(Math.max(w[i]! - c.current[i]!, 0));
  for (let i = 0; i < c.n; i++) x.push(Math.max(c.current[i]! - w[i]!, 0));
  return x;
}

/** ½wᵀΣw − b·μᵀw scaled by a (the objectives' smooth parts) plus the cost, evaluated by plain loops. */
function objective(c: Case, w: ArrayLike<number>, a: number, b: number): number {
  const sw = sigmaTimes(c, w);
  let value = 0;
  for (let i = 0; i < c.n; i++) {
    value += 0.5 * a * w[i]! * sw[i]! - b * c.mu[i]! * w[i]! + c.rates[i]! * Math.abs(w[i]! - c.current[i]!);
  }
  return value;
}

const costsOf = (c: Case) => ({ current: c.current, rates: c.rates });

describe("proportional transaction costs: KKT of the exact split (w − w⁰ = u − v) certified in the test", () => {
  it("minimum variance + Σcᵢ|wᵢ − w⁰ᵢ| with shorts, leverage and turnover caps", () => {
    let solved = 0;
    fc.assert(
      fc.property(cases, (c) => {
        const model = portfolioModel({ annualReturns: c.mu, covariance: c.covariance });
        const result = attempt(() =>
          constrainedMinimumVariance(model, { constraints: constraintsOf(c), transactionCosts: costsOf(c) }),
        );
        if (!result) return;
        solved++;
        const w = result.weights;
        const gradient = [...sigmaTimes(c, w), ...c.rates, ...c.rates];
        const certificate = certifyLp(gradient, liftedRows(c), lifted(c, w));
        expect(certificate.infeasibility).toBeLessThanOrEqual(FEASIBILITY);
        expect(certificate.stationarity).toBeLessThanOrEqual(KKT);
      }),
      { numRuns: 150, examples: DEGENERATE },
    );
    expect(solved).toBeGreaterThan(50);
  });

  it("minimum variance + costs at a target return μᵀw = R (R between the smallest and largest μᵢ)", () => {
    let solved = 0;
    fc.assert(
      fc.property(cases, fc.double({ min: 0.1, max: 0.9, noNaN: true }), (c, fraction) => {
        const target = Math.min(...c.mu) + fraction * (Math.max(...c.mu) - Math.min(...c.mu));
        const model = portfolioModel({ annualReturns: c.mu, covariance: c.covariance });
        const result = attempt(() =>
          constrainedMinimumVariance(model, {
            constraints: constraintsOf(c),
            transactionCosts: costsOf(c),
            targetReturn: target,
          }),
        );
        if (!result) return;
        solved++;
        const w = result.weights;
        const rows = liftedRows(c);
        rows.push({ normal: [...c.mu, ...new Array<number>(2 * c.n).fill(0)], bound: target, equality: true });
        const certificate = certifyLp([...sigmaTimes(c, w), ...c.rates, ...c.rates], rows, lifted(c, w));
        expect(certificate.infeasibility).toBeLessThanOrEqual(FEASIBILITY);
        expect(certificate.stationarity).toBeLessThanOrEqual(KKT);
      }),
      { numRuns: 150 },
    );
    expect(solved).toBeGreaterThan(30);
  });

  it("quadratic utility net of costs, and never worse than holding w⁰ when w⁰ is feasible", () => {
    let holdable = 0;
    fc.assert(
      fc.property(cases, (c) => {
        const model = portfolioModel({ annualReturns: c.mu, covariance: c.covariance });
        const options = { constraints: constraintsOf(c), riskAversion: c.riskAversion, transactionCosts: costsOf(c) };
        const result = attempt(() => maximumQuadraticUtility(model, options));
        if (!result) return;
        const w = result.weights;
        const gradient = [...sigmaTimes(c, w).map((v, i) => c.riskAversion * v - c.mu[i]!), ...c.rates, ...c.rates];
        const certificate = certifyLp(gradient, liftedRows(c), lifted(c, w));
        expect(certificate.infeasibility).toBeLessThanOrEqual(FEASIBILITY);
        expect(certificate.stationarity).toBeLessThanOrEqual(KKT);
        const currentFeasible = c.current.every((v) => v >= c.lower && v <= c.upper);
        if (currentFeasible) {
          holdable++;
          const a = c.riskAversion;
          expect(objective(c, w, a, 1)).toBeLessThanOrEqual(objective(c, c.current, a, 1) + 1e-12);
        }
        // The cost-free optimum pays more in the cost-adjusted objective (or the same).
        const free = maximumQuadraticUtility(model, { constraints: constraintsOf(c), riskAversion: c.riskAversion });
        expect(objective(c, w, c.riskAversion, 1)).toBeLessThanOrEqual(
          objective(c, free.weights, c.riskAversion, 1) + 1e-12,
        );
      }),
      { numRuns: 150 },
    );
    expect(holdable).toBeGreaterThan(20);
  });
});

describe("small cases against brute force", () => {
  const covariance = [
    [0.04, 0.006, 0.01],
    [0.006, 0.09, -0.012],
    [0.01, -0.012, 0.0225],
  ];
  const mu = [0.08, 0.12, 0.05];
  const model = portfolioModel({ annualReturns: mu, covariance });
  const c: Case = {
    n: 3,
    mu,
    covariance: Float64Array.from(covariance.flat()),
    lower: 0,
    upper: 1,
    current: [0.1, 0.3, 0.6],
    rates: [0.01, 0.02, 0.01],
    turnover: undefined,
    riskAversion: 4,
  };

  /** Best point of a 1/500 grid of the simplex, refined around it at 1e-4 and then at 1e-6 (convex objective). */
  function gridMinimum(value: (w: number[]) => number): { w: number[]; value: number } {
    let best = { w: [1, 0, 0], value: Number.POSITIVE_INFINITY };
    const search = (center: number[], half: number, step: number) => {
      const start = best;
      let found = start;
      for (let a = center[0]! - half; a <= center[0]! + half + 1e-15; a += step) {
        for (let b = center[1]! - half; b <= center[1]! + half + 1e-15; b += step) {
          const w = [a, b, 1 - a - b];
          if (w.some((v) => v < -1e-15)) continue;
          const v = value(w);
          if (v < found.value) found = { w, value: v };
        }
      }
      best = found;
    };
    search([0.5, 0.5], 0.5, 1 / 500);
    search(best.w, 1 / 500, 1e-4);
    search(best.w, 1e-4, 1e-6);
    return best;
  }

  it("quadratic utility with costs matches a grid search of the simplex", () => {
    const solver = maximumQuadraticUtility(model, { riskAversion: 4, transactionCosts: costsOf(c) }).weights;
    const grid = gridMinimum((w) => objective(c, w, 4, 1));
    expect(objective(c, solver, 4, 1)).toBeLessThanOrEqual(grid.value + 1e-12);
    solver.forEach((v, i) => {
      expect(Math.abs(v - grid.w[i]!)).toBeLessThan(2e-5);
    });
    // The costs hold at least one asset at its current weight (a kink of the objective).
    expect(Array.from(solver).some((v, i) => Math.abs(v - c.current[i]!) < 1e-12)).toBe(true);
  });

  it("minimum variance with costs matches a grid search of the simplex", () => {
    const solver = constrainedMinimumVariance(model, { transactionCosts: costsOf(c) }).weights;
    const grid = gridMinimum((w) => objective(c, w, 1, 0));
    expect(objective(c, solver, 1, 0)).toBeLessThanOrEqual(grid.value + 1e-12);
    solver.forEach((v, i) => {
      expect(Math.abs(v - grid.w[i]!)).toBeLessThan(2e-5);
    });
  });

  it("two assets: the kink holds w⁰ exactly while the cost exceeds the marginal gain, then moves", () => {
    // f(t) = ½·δ·σ²(t) − μ(t) + c·2|t − t⁰| along w = (t, 1 − t); the marginal at t⁰ is g = f'(t⁰).
    const two = portfolioModel({
      annualReturns: [0.1, 0.04],
      covariance: [
        [0.04, 0.002],
        [0.002, 0.01],
      ],
    });
    const t0 = 0.5;
    const delta = 3;
    const slope = delta * (0.04 * t0 + 0.002 * (1 - 2 * t0) - 0.01 * (1 - t0)) - (0.1 - 0.04);
    const hold = Math.abs(slope) / 2; // the cost rate (on both legs) at which trading stops paying
    const solve = (rate: number) =>
      maximumQuadraticUtility(two, { riskAversion: delta, transactionCosts: { current: [t0, 1 - t0], rates: rate } })
        .weights[0]!;
    expect(solve(hold * 1.01)).toBe(t0);
    const curvature = delta * (0.04 - 2 * 0.002 + 0.01);
    // Below the threshold the optimum solves f'(t) + 2c·sign = 0 on the buying side: t = t⁰ + (|g| − 2c)/f''.
    const rate = hold / 2;
    expect(solve(rate)).toBeCloseTo(t0 + (Math.abs(slope) - 2 * rate) / curvature, 12);
  });

  it("costs that dwarf every gain keep the current portfolio", () => {
    const held = maximumQuadraticUtility(model, {
      riskAversion: 4,
      transactionCosts: { current: c.current, rates: 10 },
    });
    Array.from(held.weights).forEach((v, i) => {
      expect(v).toBeCloseTo(c.current[i]!, 14);
    });
    expect(transactionCost({ current: c.current, rates: 10 }, held.weights)).toBeLessThan(1e-12);
  });

  it("rejects negative rates and mismatched current weights with INVALID_INPUT", () => {
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as ScrillaError).code;
      }
      return undefined;
    };
    expect(code(() => constrainedMinimumVariance(model, { transactionCosts: { current: c.current, rates: -1 } }))).toBe(
      "INVALID_INPUT",
    );
    expect(code(() => constrainedMinimumVariance(model, { transactionCosts: { current: [1], rates: 0.01 } }))).toBe(
      "INVALID_INPUT",
    );
  });
});

describe("scenario LPs with costs", () => {
  const next = (() => {
    let state = 7;
    return () => {
      state = (state * 48271) % 2147483647;
      return state / 2147483647 - 0.5;
    };
  })();
  const rows = Array.from({ length: 120 }, (_, t) => [
    0.01 * next() + 0.0004,
    0.02 * next() + 0.0008 + 0.002 * Math.sin(t),
    0.015 * next() + 0.0002,
  ]);
  const current = [0.6, 0.2, 0.2];
  const rates = [0.0001, 0.0002, 0.0001];

  const cases = [
    ["cvar-historical", (w: ArrayLike<number>) => historicalConditionalValueAtRisk(rows, w, 0.9)],
    ["cdar", (w: ArrayLike<number>) => conditionalDrawdownAtRisk(rows, w, 0.9)],
    ["semivariance", (w: ArrayLike<number>) => semivariance(rows, w)],
  ] as const;

  for (const [measure, risk] of cases) {
    it(`${measure}: risk + cost is at least as low as a 1/100 grid of the simplex and as holding w⁰`, async () => {
      const result = await minimumScenarioRisk(rows, measure, {
        confidence: 0.9,
        transactionCosts: { current, rates },
      });
      const total = (w: ArrayLike<number>) => risk(w) + transactionCost({ current, rates }, w);
      const best = total(result.weights);
      expect(best).toBeLessThanOrEqual(total(current) + 1e-12);
      for (let a = 0; a <= 100; a++) {
        for (let b = 0; a + b <= 100; b++) {
          expect(best).toBeLessThanOrEqual(total([a / 100, b / 100, (100 - a - b) / 100]) + 1e-10);
        }
      }
    });
  }
});

describe("labelled costs", () => {
  it("maps current weights and rates by ticker into asset order; unknown rate tickers are INVALID_INPUT", () => {
    const tickers = ["SPY", "GLD", "BX"];
    expect(
      tickerTransactionCosts(tickers, { current: { GLD: 0.4, SPY: 0.6 }, rates: { BX: 0.002, SPY: 0.001 } }),
    ).toEqual({
      current: [0.6, 0.4, 0],
      rates: [0.001, 0, 0.002],
    });
    expect(tickerTransactionCosts(tickers, { current: { BX: 1 }, rates: 0.003 })).toEqual({
      current: [0, 0, 1],
      rates: 0.003,
    });
    let code: string | undefined;
    try {
      tickerTransactionCosts(tickers, { current: {}, rates: { QQQ: 0.001 } });
    } catch (error) {
      code = (error as ScrillaError).code;
    }
    expect(code).toBe("INVALID_INPUT");
  });
});
