/** Random constrained mean-variance problems shared by the constrained-optimiser test files. */
import fc from "fast-check";
import { type PortfolioConstraintsInput, ScrillaError } from "../../src/index.js";
import { factorCovariance } from "./factor-covariance.js";
import type { Row } from "./lp-certificate.js";

export interface Case {
  n: number;
  mu: number[];
  covariance: Float64Array;
  lower: number;
  upper: number;
  groupOf: string[];
  cap: number;
  leverage: number | undefined;
  turnover: number | undefined;
  current: number[];
  riskAversion: number;
  gamma: number;
  riskFreeRate: number;
}

/**
 * The market of a random problem with n assets: expected returns from −5 % to 30 % and the raw parts of a
 * two-factor covariance (loadings, idiosyncratic variances) for `factorCovariance(loadings, idiosyncratic, 2)`.
 */
export const marketFields = (n: number) => ({
  n: fc.constant(n),
  mu: fc.array(
    fc.integer({ min: -500, max: 3000 }).map((bp) => bp / 10_000),
    { minLength: n, maxLength: n },
  ),
  loadings: fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 2 * n, maxLength: 2 * n }),
  idiosyncratic: fc.array(fc.double({ min: 0.005, max: 0.06, noNaN: true }), { minLength: n, maxLength: n }),
});

export const cases: fc.Arbitrary<Case> = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc
    .record({
      ...marketFields(n),
      lower: fc.constantFrom(0, -0.3, -1),
      upper: fc.constantFrom(0.6, 1, 1.5),
      groupOf: fc.array(fc.constantFrom("tech", "energy", "other"), { minLength: n, maxLength: n }),
      cap: fc.double({ min: 0.3, max: 0.9, noNaN: true }),
      leverage: fc.option(fc.double({ min: 1, max: 2, noNaN: true }), { nil: undefined }),
      turnover: fc.option(fc.double({ min: 0.05, max: 1, noNaN: true }), { nil: undefined }),
      riskAversion: fc.double({ min: 0.5, max: 10, noNaN: true }),
      gamma: fc.constantFrom(0, 0.05),
      riskFreeRate: fc.constantFrom(0, 0.01, 0.03),
    })
    .map(({ loadings, idiosyncratic, ...rest }) => {
      const covariance = factorCovariance(loadings, idiosyncratic, 2);
      return { ...rest, covariance, current: new Array<number>(n).fill(1 / n) };
    })
    .filter((c) => c.upper * c.n >= 1.05 && !(c.lower === 0 && c.upper < 1 && c.cap * 3 < 1.05)),
);

export function constraintsOf(c: Case): PortfolioConstraintsInput {
  return {
    bounds: { lower: c.lower, upper: c.upper },
    groups: {
      membership: c.groupOf,
      limits: Object.fromEntries(
        ["tech", "energy"].filter((g) => c.groupOf.includes(g)).map((g) => [g, { max: c.cap }]),
      ),
    },
    ...(c.leverage !== undefined && { leverage: c.leverage }),
    ...(c.turnover !== undefined && { turnover: { current: c.current, max: c.turnover } }),
  };
}

/** The feasible set written out independently: every row as normal·w ≥ bound, L1 caps by all 2ⁿ sign vectors. */
export function feasibleSet(c: Case): Row[] {
  const n = c.n;
  const unit = (i: number, s: number) => Array.from({ length: n }, (_, j) => (j === i ? s : 0));
  const rows: Row[] = [{ normal: new Array(n).fill(1), bound: 1, equality: true }];
  for (let i = 0; i < n; i++)
    rows.push({ normal: unit(i, 1), bound: c.lower }, { normal: unit(i, -1), bound: -c.upper });
  for (const group of ["tech", "energy"]) {
    rows.push({ normal: c.groupOf.map((g) => (g === group ? -1 : 0)), bound: -c.cap });
  }
  for (let mask = 0; mask < 2 ** n; mask++) {
    const s = Array.from({ length: n }, (_, i) => ((mask >> i) & 1 ? 1 : -1));
    if (c.leverage !== undefined) rows.push({ normal: s.map((v) => -v), bound: -c.leverage });
    if (c.turnover !== undefined) {
      const shift = s.reduce((sum, v, i) => sum + v * c.current[i]!, 0);
      rows.push({ normal: s.map((v) => -v), bound: -(c.turnover + shift) });
    }
  }
  return rows;
}

/** Σ·w by plain loops. */
export function sigmaTimes(c: { n: number; covariance: Float64Array }, w: ArrayLike<number>): number[] {
  return Array.from({ length: c.n }, (_, i) => {
    let sum = 0;
    for (let j = 0; j < c.n; j++) sum += c.covariance[i * c.n + j]! * w[j]!;
    return sum;
  });
}

/** Solves, or returns undefined when the random constraints are infeasible (checked by the solver). */
export function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (error instanceof ScrillaError && error.code === "INFEASIBLE") return undefined;
    throw error;
  }
}
