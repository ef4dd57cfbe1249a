import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  conditionalDrawdownAtRisk,
  historicalConditionalValueAtRisk,
  minimumScenarioRisk,
  type ScenarioRiskMeasure,
  scenarioEfficientFrontier,
  semivariance,
} from "../src/index.js";
import { certifyLp, type Row } from "./support/lp-certificate.js";

// Report a failure at once instead of shrinking it: each run solves LPs.
fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });

const FEASIBILITY = 1e-9;
const CERTIFICATE = 1e-8;

interface Case {
  n: number;
  T: number;
  rows: number[][];
  beta: number;
  lower: number;
  cap: number | undefined;
}

const cases: fc.Arbitrary<Case> = fc
  .record({ n: fc.integer({ min: 2, max: 4 }), T: fc.integer({ min: 12, max: 30 }) })
  .chain(({ n, T }) =>
    fc.record({
      n: fc.constant(n),
      T: fc.constant(T),
      rows: fc.array(fc.array(fc.integer({ min: -400, max: 400 }), { minLength: n, maxLength: n }), {
        minLength: T,
        maxLength: T,
      }),
      beta: fc.constantFrom(0.75, 0.8, 0.9),
      lower: fc.constantFrom(0, -0.5),
      cap: fc.option(fc.constantFrom(0.6, 0.8), { nil: undefined }),
    }),
  )
  .map((c) => ({
    ...c,
    // Whole basis points plus a tiny asset-specific tilt: ties happen, yet the columns stay independent.
    rows: c.rows.map((r, t) => r.map((bp, i) => bp / 10_000 + ((t * (i + 2)) % 7) * 1e-6)),
  }));

const constraintsOf = (c: Case) => ({
  bounds: { lower: c.lower, upper: 1 },
  ...(c.cap !== undefined && {
    groups: { membership: ["a", ...new Array(c.n - 1).fill("b")], limits: { a: { max: c.cap } } },
  }),
});

/** Budget, bounds and the group cap on the first n variables of a k-variable problem, as ≥ rows. */
function portfolioRows(c: Case, k: number): Row[] {
  const unit = (i: number, s: number) => Array.from({ length: k }, (_, j) => (j === i ? s : 0));
  const rows: Row[] = [{ normal: Array.from({ length: k }, (_, j) => (j < c.n ? 1 : 0)), bound: 1, equality: true }];
  for (let i = 0; i < c.n; i++) rows.push({ normal: unit(i, 1), bound: c.lower }, { normal: unit(i, -1), bound: -1 });
  if (c.cap !== undefined) {
    rows.push({ normal: Array.from({ length: k }, (_, j) => (j === 0 ? -1 : 0)), bound: -c.cap });
  }
  return rows;
}

const portfolioReturns = (c: Case, w: ArrayLike<number>) => c.rows.map((r) => r.reduce((s, v, i) => s + v * w[i]!, 0));

/** The ⌈βT⌉-th smallest value: the α at which the Rockafellar–Uryasev function is minimal. */
const quantile = (values: number[], beta: number) =>
  [...values].sort((a, b) => a - b)[Math.ceil(beta * values.length - 1e-9) - 1]!;

function expectPortfolioFeasible(c: Case, w: Float64Array): void {
  expect(Math.abs(w.reduce((s, v) => s + v, 0) - 1)).toBeLessThanOrEqual(FEASIBILITY);
  for (const v of w) {
    expect(v).toBeGreaterThanOrEqual(c.lower - FEASIBILITY);
    expect(v).toBeLessThanOrEqual(1 + FEASIBILITY);
  }
  if (c.cap !== undefined) expect(w[0]!).toBeLessThanOrEqual(c.cap + FEASIBILITY);
}

describe("historical CVaR (Rockafellar–Uryasev LP)", () => {
  it("is the mean of the worst (1 − β)·T losses when (1 − β)·T is whole", () => {
    const rows = Array.from({ length: 20 }, (_, t) => [Math.sin(t + 1) / 50, Math.cos(3 * t) / 40]);
    const w = [0.3, 0.7];
    const losses = rows.map((r) => -(r[0]! * 0.3 + r[1]! * 0.7)).sort((a, b) => b - a);
    const worst = (losses[0]! + losses[1]!) / 2;
    expect(historicalConditionalValueAtRisk({ returns: rows.flat(), assets: 2 }, w, 0.9)).toBeCloseTo(worst, 15);
  });

  it("reaches optima certified by LP multipliers computed in the test", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const result = await minimumScenarioRisk(c.rows, "cvar-historical", {
          confidence: c.beta,
          constraints: constraintsOf(c),
        });
        const w = result.weights;
        expectPortfolioFeasible(c, w);
        // Variables (w, α, u₁…u_T); α and u completed in the test from the losses.
        const k = c.n + 1 + c.T;
        const losses = portfolioReturns(c, w).map((r) => -r);
        const alpha = quantile(losses, c.beta);
        const x = [...w, alpha, ...losses.map((l) => Math.max(l - alpha, 0))];
        const cost = Array.from({ length: k }, (_, j) => (j === c.n ? 1 : j > c.n ? 1 / ((1 - c.beta) * c.T) : 0));
        const rows = portfolioRows(c, k);
        c.rows.forEach((r, t) => {
          const normal = new Array<number>(k).fill(0);
          r.forEach((v, i) => {
            normal[i] = v;
          });
          normal[c.n] = 1;
          normal[c.n + 1 + t] = 1;
          rows.push({ normal, bound: 0 });
          const positive = new Array<number>(k).fill(0);
          positive[c.n + 1 + t] = 1;
          rows.push({ normal: positive, bound: 0 });
        });
        const certificate = certifyLp(cost, rows, x);
        expect(certificate.infeasibility).toBeLessThanOrEqual(FEASIBILITY);
        expect(certificate.stationarity).toBeLessThanOrEqual(CERTIFICATE);
        expect(certificate.dualityGap).toBeLessThanOrEqual(CERTIFICATE);
        expect(result.risk).toBeCloseTo(
          cost.reduce((s, v, j) => s + v * x[j]!, 0),
          12,
        );
      }),
      { numRuns: 40 },
    );
  });
});

describe("CDaR (Chekhlov–Uryasev–Zabarankin LP)", () => {
  it("reaches optima certified by LP multipliers computed in the test", async () => {
    await fc.assert(
      fc.asyncProperty(
        cases.filter((c) => c.T <= 20),
        async (c) => {
          const result = await minimumScenarioRisk(c.rows, "cdar", {
            confidence: c.beta,
            constraints: constraintsOf(c),
          });
          const w = result.weights;
          expectPortfolioFeasible(c, w);
          // Variables (w, α, p₁…p_T, z₁…z_T): running peaks p and tail excesses z completed in the test.
          const { n, T } = c;
          const k = n + 1 + 2 * T;
          const P = (t: number) => n + 1 + t;
          const Z = (t: number) => n + 1 + T + t;
          const returns = portfolioReturns(c, w);
          const cumulative: number[] = [];
          returns.reduce((sum, r) => {
            cumulative.push(sum + r);
            return sum + r;
          }, 0);
          const peaks = cumulative.map((_, t) => Math.max(0, ...cumulative.slice(0, t + 1)));
          const drawdown = peaks.map((p, t) => p - cumulative[t]!);
          const alpha = quantile(drawdown, c.beta);
          const x = [...w, alpha, ...peaks, ...drawdown.map((d) => Math.max(d - alpha, 0))];
          const cost = Array.from({ length: k }, (_, j) => (j === n ? 1 : j >= Z(0) ? 1 / ((1 - c.beta) * T) : 0));
          const rows = portfolioRows(c, k);
          const sumTo = (t: number) =>
            Array.from({ length: n }, (_, i) => c.rows.slice(0, t + 1).reduce((s, r) => s + r[i]!, 0));
          for (let t = 0; t < T; t++) {
            const cum = sumTo(t);
            const peakRow = new Array<number>(k).fill(0);
            cum.forEach((v, i) => {
              peakRow[i] = -v;
            });
            peakRow[P(t)] = 1;
            rows.push({ normal: peakRow, bound: 0 });
            const monotone = new Array<number>(k).fill(0);
            monotone[P(t)] = 1;
            if (t > 0) monotone[P(t - 1)] = -1;
            rows.push({ normal: monotone, bound: 0 });
            const tail = new Array<number>(k).fill(0);
            cum.forEach((v, i) => {
              tail[i] = v;
            });
            tail[P(t)] = -1;
            tail[Z(t)] = 1;
            tail[n] = 1;
            rows.push({ normal: tail, bound: 0 });
            const positive = new Array<number>(k).fill(0);
            positive[Z(t)] = 1;
            rows.push({ normal: positive, bound: 0 });
          }
          const certificate = certifyLp(cost, rows, x);
          expect(certificate.infeasibility).toBeLessThanOrEqual(FEASIBILITY);
          expect(certificate.stationarity).toBeLessThanOrEqual(CERTIFICATE);
          expect(certificate.dualityGap).toBeLessThanOrEqual(CERTIFICATE);
          expect(result.risk).toBeCloseTo(
            conditionalDrawdownAtRisk({ returns: c.rows.flat(), assets: n }, w, c.beta),
            14,
          );
        },
      ),
      { numRuns: 30 },
    );
  });
});

/**
 * FC_SEED=-1014514973, path 39: two shortfall scenarios at the optimum (n = 2) made the old undamped
 * shortfall-set iteration cycle, and its HiGHS QP fallback stalled for 60 s and gave up (status 13).
 */
const semivarianceCycle: Case = {
  n: 2,
  T: 27,
  // biome-ignore format: the counterexample as fast-check printed it
  rows: [[-0.0322,0.04],[-0.039397999999999996,0.039703],[-0.012296,0.009606],[0.00030599999999999996,0.0005020000000000001],[-0.000199,0.000305],[-0.000097,0.005301],[0.032404999999999996,0.021404],[-0.0008,0.0396],[0.039802000000000004,0.000303],[-0.006796,0.026506],[-0.000794,-0.022998],[0.039601000000000004,0.000505],[0.001903,0.010301],[0.000205,0.020104],[-0.0006,0.0153],[-0.034797999999999996,0.030903],[0.00010400000000000001,0.010906],[0.029006,0.028602],[0.004001,0.033104999999999996],[0.040003000000000004,0.005001],[0.019805000000000003,0.035303999999999995],[-0.0037,0.0084],[0.000702,0.018103],[0.039504,0.000606],[0.022106,0.009902000000000001],[0.000601,0.039305],[-0.039597,-0.020699]],
  beta: 0.9,
  lower: -0.5,
  cap: 0.6,
};

describe("semivariance (damped Newton on shortfall sets, exact QP per set)", () => {
  it("satisfies the KKT conditions of the true objective, multipliers computed in the test", async () => {
    await fc.assert(
      fc.asyncProperty(
        cases.filter((c) => c.T >= 6 * c.n),
        async (c) => {
          const result = await minimumScenarioRisk(c.rows, "semivariance", { constraints: constraintsOf(c) });
          const w = result.weights;
          expectPortfolioFeasible(c, w);
          const returns = portfolioReturns(c, w);
          const gradient = Array.from(
            { length: c.n },
            (_, i) => (2 / c.T) * c.rows.reduce((s, r, t) => s + Math.min(returns[t]!, 0) * r[i]!, 0),
          );
          const certificate = certifyLp(gradient, portfolioRows(c, c.n), w);
          expect(certificate.stationarity).toBeLessThanOrEqual(1e-9);
          expect(result.risk).toBeCloseTo(returns.reduce((s, r) => s + Math.min(r, 0) ** 2, 0) / c.T, 15);
        },
      ),
      { numRuns: 40, examples: [[semivarianceCycle]] },
    );
  });

  it("beats every portfolio on a fine two-asset grid", async () => {
    const rows = Array.from({ length: 40 }, (_, t) => [Math.sin(2 * t) / 30 + 0.002, Math.cos(5 * t) / 45]);
    const best = await minimumScenarioRisk(rows, "semivariance");
    const scenarios = { returns: rows.flat(), assets: 2 };
    for (let k = 0; k <= 1000; k++) {
      expect(best.risk).toBeLessThanOrEqual(semivariance(scenarios, [k / 1000, 1 - k / 1000]) + 1e-15);
    }
  });
});

describe("scenario frontiers and errors", () => {
  const rows = Array.from({ length: 60 }, (_, t) => [
    Math.sin(t) / 40 + 0.003,
    Math.cos(2 * t) / 60 + 0.001,
    Math.sin(3 * t + 1) / 80,
  ]);

  it.each(["cvar-historical", "cdar", "semivariance"] as ScenarioRiskMeasure[])(
    "%s frontier: returns rise to the maximum, risk never falls",
    async (measure) => {
      const frontier = await scenarioEfficientFrontier(rows, measure, { steps: 6 });
      expect(frontier).toHaveLength(6);
      const means = [0, 1, 2].map((i) => rows.reduce((s, r) => s + r[i]!, 0) / rows.length);
      expect(frontier.at(-1)!.expectedReturn).toBeCloseTo(Math.max(...means), 12);
      for (let k = 1; k < frontier.length; k++) {
        expect(frontier[k]!.expectedReturn).toBeGreaterThanOrEqual(frontier[k - 1]!.expectedReturn - 1e-12);
        expect(frontier[k]!.risk).toBeGreaterThanOrEqual(frontier[k - 1]!.risk - 1e-12);
      }
    },
  );

  it("an unreachable target return is INFEASIBLE", async () => {
    await expect(minimumScenarioRisk(rows, "cvar-historical", { targetReturn: 0.5 })).rejects.toMatchObject({
      code: "INFEASIBLE",
    });
  });

  it("rejects an unknown measure and a bad confidence", async () => {
    await expect(minimumScenarioRisk(rows, "var" as ScenarioRiskMeasure)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(minimumScenarioRisk(rows, "cdar", { confidence: 1 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
