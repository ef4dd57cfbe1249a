import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cholesky,
  choleskySolve,
  matMul,
  matVec,
  nearestPsd,
  quadraticForm,
  symmetricEigen,
  symmetricEigenvalues,
} from "../src/linalg/index.js";

function randomSymmetric(n: number, seed: number): Float64Array {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) / 2 ** 32) * 2 - 1;
  };
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const value = next();
      a[i * n + j] = value;
      a[j * n + i] = value;
    }
  }
  return a;
}

function transpose(a: Float64Array, n: number): Float64Array {
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[j * n + i] = a[i * n + j]!;
  return t;
}

describe("cholesky", () => {
  it("factors a known SPD matrix (L·Lᵀ = A) and solves a system", () => {
    const a = Float64Array.of(4, 12, -16, 12, 37, -43, -16, -43, 98);
    const result = cholesky(a, 3);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Textbook factor of this matrix: [[2,0,0],[6,1,0],[-8,5,3]].
    expect(Array.from(result.lower)).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
    const x = choleskySolve(result.lower, 3, [1, 2, 3]);
    const back = matVec(a, 3, x);
    for (const [i, b] of [1, 2, 3].entries()) expect(back[i]).toBeCloseTo(b, 10);
  });

  it("reports the failing row of a non-positive-definite matrix instead of throwing", () => {
    const result = cholesky(Float64Array.of(1, 2, 2, 1), 2);
    expect(result).toMatchObject({ ok: false, failedAtRow: 1 });
  });
});

describe("symmetricEigen", () => {
  it("matches the closed form of a 2×2 matrix", () => {
    const { values } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
  });

  it.each([1, 2, 5, 40, 120])("reconstructs a random symmetric matrix of order %i with orthonormal vectors", (n) => {
    const a = randomSymmetric(n, 17 + n);
    const { values, vectors } = symmetricEigen(a, n);
    for (let i = 1; i < n; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
    const lambdaVt = transpose(vectors, n);
    for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) lambdaVt[k * n + j]! *= values[k]!;
    const rebuilt = matMul(vectors, lambdaVt, n);
    const vtv = matMul(transpose(vectors, n), vectors, n);
    for (let i = 0; i < n * n; i++) {
      expect(Math.abs(rebuilt[i]! - a[i]!)).toBeLessThan(1e-10 * n);
      expect(Math.abs(vtv[i]! - (i % (n + 1) === 0 ? 1 : 0))).toBeLessThan(1e-10 * n);
    }
  });

  it.each([1, 2, 3, 17, 64])("eigenvalues alone equal those of the full decomposition (order %i)", (n) => {
    const a = randomSymmetric(n, 5 * n + 1);
    expect(Array.from(symmetricEigenvalues(a, n))).toEqual(Array.from(symmetricEigen(a, n).values));
  });

  it("sums eigenvalues to the trace (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (n, seed) => {
        const a = randomSymmetric(n, seed);
        let trace = 0;
        for (let i = 0; i < n; i++) trace += a[i * n + i]!;
        const sum = symmetricEigenvalues(a, n).reduce((s, v) => s + v, 0);
        return Math.abs(sum - trace) < 1e-11 * n;
      }),
    );
  });
});

describe("nearestPsd", () => {
  it("leaves a PSD matrix untouched and reports no repair", () => {
    const a = Float64Array.of(1, 0.5, 0.5, 1);
    const result = nearestPsd(a, 2, { unitDiagonal: true });
    expect(result.repaired).toBe(false);
    expect(Array.from(result.matrix)).toEqual([1, 0.5, 0.5, 1]);
  });

  it("repairs an inconsistent correlation matrix to a PSD one with unit diagonal", () => {
    // Pairwise correlations that no three random variables can have together.
    const a = Float64Array.of(1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1);
    const result = nearestPsd(a, 3, { unitDiagonal: true });
    expect(result.repaired).toBe(true);
    expect(result.minEigenvalueBefore).toBeLessThan(0);
    expect(symmetricEigenvalues(result.matrix, 3)[0]!).toBeGreaterThanOrEqual(-1e-12);
    for (let i = 0; i < 3; i++) expect(result.matrix[i * 3 + i]).toBeCloseTo(1, 14);
    const x = [1, -1, 1];
    expect(quadraticForm(result.matrix, 3, x)).toBeGreaterThanOrEqual(-1e-12);
    expect(quadraticForm(a, 3, x)).toBeLessThan(0);
  });
});
