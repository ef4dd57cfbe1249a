import { cholesky } from "./cholesky.js";
import { type NearestPsdOptions, type NearestPsdResult, nearestPsd } from "./nearest-psd.js";

/** `nearestPsd` without the O(n³) eigenvalue check where it cannot change anything. */
export interface CheckedPsdResult {
  matrix: Float64Array;
  repaired: boolean;
  /** Smallest eigenvalue of the input, present only when the eigenvalue check had to run. */
  minEigenvalueBefore?: number;
}

/**
 * Same result as `nearestPsd(a, n, options)` for a symmetric `a` (floor 0), at a fraction of the cost when
 * `a` is positive definite: a Cholesky attempt (n³/6 multiply-adds, stops at the first non-positive pivot)
 * proves that, and only a failed attempt pays for the eigenvalues (≈ 10× the work). A singular but PSD
 * matrix fails Cholesky and is then left as it is by `nearestPsd`'s tolerance, as before.
 */
export function nearestPsdIfNeeded(
  a: Float64Array,
  n: number,
  options: Omit<NearestPsdOptions, "floor"> = {},
): CheckedPsdResult {
  if (n > 0 && cholesky(a, n).ok && isSymmetric(a, n)) return { matrix: Float64Array.from(a), repaired: false };
  const result: NearestPsdResult = nearestPsd(a, n, options);
  return { matrix: result.matrix, repaired: result.repaired, minEigenvalueBefore: result.minEigenvalueBefore };
}

function isSymmetric(a: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) if (a[i * n + j] !== a[j * n + i]) return false;
  }
  return true;
}
