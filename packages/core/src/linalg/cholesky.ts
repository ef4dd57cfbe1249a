import { assertSquare } from "./matrix.js";

/** Outcome of a Cholesky factorisation: the lower factor, or where positive definiteness failed. */
export type CholeskyResult = { ok: true; lower: Float64Array } | { ok: false; failedAtRow: number; pivot: number };

/**
 * Cholesky factorisation A = L·Lᵀ of a symmetric positive-definite matrix (only the lower triangle
 * of A is read). Returns `{ ok: false }` with the failing row and pivot instead of throwing, so the
 * caller can decide to repair (see `nearestPsd`) or report.
 */
export function cholesky(a: Float64Array, n: number): CholeskyResult {
  assertSquare(a, n, "cholesky");
  const lower = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let pivot = a[rowJ + j]!;
    for (let k = 0; k < j; k++) pivot -= lower[rowJ + k]! * lower[rowJ + k]!;
    if (!(pivot > 0) || !Number.isFinite(pivot)) return { ok: false, failedAtRow: j, pivot };
    const diag = Math.sqrt(pivot);
    lower[rowJ + j] = diag;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let sum = a[rowI + j]!;
      for (let k = 0; k < j; k++) sum -= lower[rowI + k]! * lower[rowJ + k]!;
      lower[rowI + j] = sum / diag;
    }
  }
  return { ok: true, lower };
}

/** Solves L·Lᵀ·x = b given the lower Cholesky factor L. */
export function choleskySolve(lower: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= lower[i * n + k]! * x[k]!;
    x[i] = sum / lower[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i]!;
    for (let k = i + 1; k < n; k++) sum -= lower[k * n + i]! * x[k]!;
    x[i] = sum / lower[i * n + i]!;
  }
  return x;
}
