import { assertSquare, symmetrizeInPlace } from "./matrix.js";
import { symmetricEigen, symmetricEigenvalues } from "./symmetric-eigen.js";

export interface NearestPsdOptions {
  /** Eigenvalues below this are raised to it (default 0). Use a small positive floor to get a PD result. */
  floor?: number;
  /** Rescale to unit diagonal afterwards, as a correlation matrix needs (default false). */
  unitDiagonal?: boolean;
  /** A matrix whose smallest eigenvalue is ≥ −tolerance is left as it is (default 1e-12). */
  tolerance?: number;
}

export interface NearestPsdResult {
  matrix: Float64Array;
  /** True when eigenvalues were clipped (the input was not PSD within the tolerance). */
  repaired: boolean;
  /** Smallest eigenvalue of the (symmetrised) input. */
  minEigenvalueBefore: number;
}

/**
 * A positive semi-definite matrix near a symmetric one: eigenvalue clipping (V·max(Λ, floor)·Vᵀ),
 * optionally followed by D^{-1/2}·A·D^{-1/2} to restore a unit diagonal. The rescaling is a congruence,
 * so it keeps the result PSD. The input is not modified.
 */
export function nearestPsd(a: Float64Array, n: number, options: NearestPsdOptions = {}): NearestPsdResult {
  assertSquare(a, n, "nearestPsd");
  const floor = options.floor ?? 0;
  const tolerance = options.tolerance ?? 1e-12;
  const symmetric = symmetrizeInPlace(Float64Array.from(a), n);
  if (n === 0) return { matrix: symmetric, repaired: false, minEigenvalueBefore: Number.POSITIVE_INFINITY };
  // Eigenvalues alone decide whether a repair is needed; the eigenvectors cost several times more.
  const minEigenvalueBefore = symmetricEigenvalues(symmetric, n)[0]!;
  if (minEigenvalueBefore >= -tolerance && minEigenvalueBefore >= floor) {
    return { matrix: symmetric, repaired: false, minEigenvalueBefore };
  }
  const { values, vectors } = symmetricEigen(symmetric, n);
  const clipped = values.map((value) => Math.max(value, floor));
  const rebuilt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += vectors[i * n + k]! * clipped[k]! * vectors[j * n + k]!;
      rebuilt[i * n + j] = sum;
      rebuilt[j * n + i] = sum;
    }
  }
  if (options.unitDiagonal) rescaleToUnitDiagonal(rebuilt, n);
  return { matrix: rebuilt, repaired: true, minEigenvalueBefore };
}

/** In place: A ← D^{-1/2}·A·D^{-1/2} with D = diag(A); a non-positive diagonal gives a unit row; symmetry is kept exactly. */
export function rescaleToUnitDiagonal(a: Float64Array, n: number): Float64Array {
  const inverseRoot = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const diag = a[i * n + i]!;
    inverseRoot[i] = diag > 0 ? 1 / Math.sqrt(diag) : 0;
  }
  for (let i = 0; i < n; i++) {
    a[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const scaled = a[i * n + j]! * inverseRoot[i]! * inverseRoot[j]!;
      a[i * n + j] = scaled;
      a[j * n + i] = scaled;
    }
  }
  return a;
}
