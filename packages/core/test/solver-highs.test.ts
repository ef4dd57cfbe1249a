import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cholesky } from "../src/linalg/cholesky.js";
import { solveQuadraticProgram } from "../src/portfolio/dual-active-set.js";
import type { LinearConstraint } from "../src/portfolio/quadratic-program.js";
import { RowBuilder, solveLinearProgram } from "../src/solver/index.js";
import { certifyLp, type Row } from "./support/lp-certificate.js";

/** A random LP that is feasible (x₀ satisfies it) and bounded (0 ≤ x ≤ 2). */
const randomLp = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    cost: fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n }),
    start: fc.array(fc.double({ min: 0.1, max: 1.5, noNaN: true }), { minLength: n, maxLength: n }),
    rows: fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: n, maxLength: n }), {
      minLength: 1,
      maxLength: 8,
    }),
    slack: fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 8, maxLength: 8 }),
  }),
);

describe("HiGHS LP wrapper", () => {
  it("reaches optima certified by multipliers the test computes (duality gap ≤ 1e-8)", async () => {
    await fc.assert(
      fc.asyncProperty(randomLp, async ({ n, cost, start, rows, slack }) => {
        const builder = new RowBuilder();
        const certificateRows: Row[] = [];
        const columns = Array.from({ length: n }, (_, i) => i);
        rows.forEach((normal, k) => {
          const bound = normal.reduce((sum, a, i) => sum + a * start[i]!, 0) + slack[k]!;
          builder.add(columns, normal, -Infinity, bound);
          certificateRows.push({ normal: normal.map((a) => -a), bound: -bound });
        });
        for (let i = 0; i < n; i++) {
          const unit = columns.map((j) => (j === i ? 1 : 0));
          certificateRows.push({ normal: unit, bound: 0 }, { normal: unit.map((a) => -a), bound: -2 });
        }
        const solution = await solveLinearProgram({
          columns: n,
          cost: Float64Array.from(cost),
          columnLower: new Float64Array(n),
          columnUpper: new Float64Array(n).fill(2),
          ...builder.build(),
        });
        const certificate = certifyLp(cost, certificateRows, solution.x);
        expect(certificate.infeasibility).toBeLessThanOrEqual(1e-9);
        expect(certificate.stationarity).toBeLessThanOrEqual(1e-8);
        expect(certificate.dualityGap).toBeLessThanOrEqual(1e-8);
        expect(Math.abs(solution.objective - cost.reduce((s, c, i) => s + c * solution.x[i]!, 0))).toBeLessThan(1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it("reports INFEASIBLE for contradictory rows", async () => {
    const builder = new RowBuilder();
    builder.add([0, 1], [1, 1], 3, Infinity);
    await expect(
      solveLinearProgram({
        columns: 2,
        cost: new Float64Array([1, 1]),
        columnLower: new Float64Array(2),
        columnUpper: new Float64Array([1, 1]),
        ...builder.build(),
      }),
    ).rejects.toMatchObject({ code: "INFEASIBLE" });
  });
});

/** Random strictly convex QPs: G = BBᵀ + D, linear term c, a budget equality and bounds. */
const randomQp = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    loadings: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2 * n, maxLength: 2 * n }),
    diagonal: fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
    linear: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
    lower: fc.constantFrom(0, -0.1, -0.5),
    upper: fc.double({ min: 1 / n + 0.05, max: 1, noNaN: true }),
  }),
);

describe("our dual active-set QP agrees with HiGHS' QP", () => {
  it("on random strictly convex problems with a budget and bounds", async () => {
    await fc.assert(
      fc.asyncProperty(randomQp, async ({ n, loadings, diagonal, linear, lower, upper }) => {
        const g = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            let sum = i === j ? diagonal[i]! : 0;
            for (let f = 0; f < 2; f++) sum += loadings[2 * i + f]! * loadings[2 * j + f]!;
            g[i * n + j] = sum;
          }
        }
        const factor = cholesky(g, n);
        if (!factor.ok) throw new Error("test matrix must be positive definite");
        const inequalities: LinearConstraint[] = [];
        for (let i = 0; i < n; i++) {
          inequalities.push({ kind: "unit", index: i, coefficient: 1, bound: lower });
          inequalities.push({ kind: "unit", index: i, coefficient: -1, bound: -upper });
        }
        const ours = solveQuadraticProgram({
          size: n,
          choleskyLower: factor.lower,
          linear: Float64Array.from(linear),
          equalities: [{ kind: "dense", normal: new Float64Array(n).fill(1), bound: 1 }],
          inequalities,
        });
        const hessianStarts: number[] = [0];
        const hessianIndices: number[] = [];
        const hessianValues: number[] = [];
        for (let j = 0; j < n; j++) {
          for (let i = j; i < n; i++) {
            hessianIndices.push(i);
            hessianValues.push(g[i * n + j]!);
          }
          hessianStarts.push(hessianIndices.length);
        }
        const builder = new RowBuilder();
        builder.add(
          Array.from({ length: n }, (_, i) => i),
          new Array(n).fill(1),
          1,
          1,
        );
        const theirs = await solveLinearProgram({
          columns: n,
          cost: Float64Array.from(linear),
          columnLower: new Float64Array(n).fill(lower),
          columnUpper: new Float64Array(n).fill(upper),
          ...builder.build(),
          hessian: {
            starts: Int32Array.from(hessianStarts),
            indices: Int32Array.from(hessianIndices),
            values: Float64Array.from(hessianValues),
          },
        });
        // Ours is never worse than HiGHS' answer. Where HiGHS reaches the same optimum (strict convexity makes it
        // unique) the points agree. HiGHS' QP can report "optimal" at a worse point (seed 1236180974: 0.0193 against
        // the true 0.01226, checked by hand), so its point is not the arbiter, the objective is.
        const objective = (x: ArrayLike<number>) => {
          let value = 0;
          for (let i = 0; i < n; i++) {
            value += linear[i]! * x[i]!;
            for (let j = 0; j < n; j++) value += 0.5 * x[i]! * g[i * n + j]! * x[j]!;
          }
          return value;
        };
        const gap = objective(ours.x) - objective(theirs.x);
        expect(gap).toBeLessThanOrEqual(1e-8 * (1 + Math.abs(objective(theirs.x))));
        expect(Math.abs(ours.x.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
        for (const w of ours.x) expect(w >= lower - 1e-9 && w <= upper + 1e-9).toBe(true);
        if (gap > -1e-8) for (let i = 0; i < n; i++) expect(Math.abs(ours.x[i]! - theirs.x[i]!)).toBeLessThan(1e-6);
      }),
      { numRuns: 60 },
    );
  });
});
