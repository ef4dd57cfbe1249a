import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cholesky } from "../src/linalg/index.js";
import { solveBoundedQuadraticProgram } from "../src/portfolio/bound-active-set.js";
import { solveQuadraticProgram } from "../src/portfolio/dual-active-set.js";
import type { LinearConstraint } from "../src/portfolio/quadratic-program.js";
import { factorCovariance } from "./support/factor-covariance.js";

interface Case {
  n: number;
  hessian: Float64Array;
  mu: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  withTarget: boolean;
}

/** Σ = B·Bᵀ + D (three factors), bounds with some fixed and some capped assets, an optional return target. */
const cases: fc.Arbitrary<Case> = fc.integer({ min: 2, max: 40 }).chain((n) =>
  fc
    .record({
      loadings: fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 3 * n, maxLength: 3 * n }),
      idiosyncratic: fc.array(fc.double({ min: 0.002, max: 0.06, noNaN: true }), { minLength: n, maxLength: n }),
      mu: fc.array(fc.integer({ min: -500, max: 3000 }), { minLength: n, maxLength: n }),
      kinds: fc.array(fc.constantFrom("long", "long", "long", "floor", "cap", "fixed"), { minLength: n, maxLength: n }),
      withTarget: fc.boolean(),
    })
    .map(({ loadings, idiosyncratic, mu, kinds, withTarget }) => {
      const hessian = factorCovariance(loadings, idiosyncratic, 3);
      const lower = Float64Array.from(kinds, (k) => (k === "floor" ? 0.2 / n : k === "fixed" ? 0.3 / n : 0));
      const upper = Float64Array.from(kinds, (k) => (k === "cap" ? 1.5 / n : k === "fixed" ? 0.3 / n : 1));
      return { n, hessian, mu: Float64Array.from(mu, (bp) => bp / 10_000), lower, upper, withTarget };
    }),
);

function solveBoth(c: Case) {
  const { n, hessian, mu, lower, upper } = c;
  const factor = cholesky(hessian, n);
  if (!factor.ok) throw new Error("test covariance must be positive definite");
  // A target halfway between the smallest and the largest μ (infeasible under some bounds: then neither answers).
  const sorted = [...mu].sort((a, b) => a - b);
  const target = c.withTarget ? (sorted[0]! + sorted[n - 1]!) / 2 : undefined;
  const equalities: { normal: Float64Array; bound: number }[] = [{ normal: new Float64Array(n).fill(1), bound: 1 }];
  if (target !== undefined && sorted[n - 1]! - sorted[0]! > 1e-6) equalities.push({ normal: mu, bound: target });
  const inequalities: LinearConstraint[] = [];
  for (let i = 0; i < n; i++) {
    inequalities.push({ kind: "unit", index: i, coefficient: 1, bound: lower[i]! });
    if (upper[i]! < 1) inequalities.push({ kind: "unit", index: i, coefficient: -1, bound: -upper[i]! });
  }
  const linear = new Float64Array(n);
  const fast = solveBoundedQuadraticProgram({
    size: n,
    hessian,
    choleskyLower: factor.lower,
    linear,
    equalities,
    lower,
    upper,
  });
  let exact: ReturnType<typeof solveQuadraticProgram> | undefined;
  try {
    exact = solveQuadraticProgram({
      size: n,
      choleskyLower: factor.lower,
      linear,
      equalities: equalities.map((e) => ({ kind: "dense" as const, ...e })),
      inequalities,
    });
  } catch {
    exact = undefined; // infeasible bounds/target: the fast method must not claim a solution either
  }
  return { fast, exact };
}

describe("primal–dual active set on bounds (minimum variance's fast path)", () => {
  it("agrees with the dual active-set method to 1e-9 whenever it answers, and answers long-only problems", () => {
    let answered = 0;
    fc.assert(
      fc.property(cases, (c) => {
        const { fast, exact } = solveBoth(c);
        if (!fast) return;
        answered++;
        expect(exact).toBeDefined();
        fast.x.forEach((w, i) => {
          expect(Math.abs(w - exact!.x[i]!)).toBeLessThan(1e-9);
          expect(w).toBeGreaterThanOrEqual(c.lower[i]!);
          expect(w).toBeLessThanOrEqual(c.upper[i]!);
        });
        fast.equalityMultipliers.forEach((nu, k) => {
          expect(Math.abs(nu - exact!.equalityMultipliers[k]!)).toBeLessThan(1e-9 * (1 + Math.abs(nu)));
        });
      }),
      { numRuns: 300, seed: 1515 },
    );
    expect(answered).toBeGreaterThan(150);
  });

  it("a long-only 300-asset minimum variance takes a handful of steps, not one per binding bound", () => {
    const n = 300;
    let state = 7;
    const next = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const loadings = Float64Array.from({ length: 5 * n }, () => 0.05 + 0.25 * next() * (next() < 0.2 ? -1 : 1));
    const hessian = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let sum = i === j ? 0.01 + 0.05 * next() : 0;
        for (let f = 0; f < 5; f++) sum += loadings[5 * i + f]! * loadings[5 * j + f]!;
        hessian[i * n + j] = sum;
      }
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) hessian[i * n + j] = hessian[j * n + i]!;
    const c: Case = {
      n,
      hessian,
      mu: new Float64Array(n),
      lower: new Float64Array(n),
      upper: new Float64Array(n).fill(1),
      withTarget: false,
    };
    const { fast, exact } = solveBoth(c);
    expect(fast).toBeDefined();
    expect(fast!.iterations).toBeLessThan(30);
    expect(exact!.iterations).toBeGreaterThan(100);
    const binding = Array.from(fast!.x).filter((w) => w === 0).length;
    expect(binding).toBeGreaterThan(100);
    fast!.x.forEach((w, i) => {
      expect(Math.abs(w - exact!.x[i]!)).toBeLessThan(1e-9);
    });
  });
});
