import { invalidInput } from "../errors.js";
import { cholesky } from "../linalg/cholesky.js";
import { nearestPsd } from "../linalg/nearest-psd.js";

/** How a covariance that is not safely positive definite is handled. */
export type CovarianceRepairMode = "nearest-pd" | "reject";

/** What was done to a singular or indefinite covariance before optimising (reported in every result). */
export interface CovarianceRepair {
  method: "eigenvalue-floor";
  /** Smallest eigenvalue of the covariance as given. */
  smallestEigenvalue: number;
  /** Eigenvalues below `floor` were raised to it. */
  floor: number;
  /** Frobenius norm of (repaired − given). */
  change: number;
}

/** Pivots² below this fraction of the mean variance mean the matrix is numerically singular. */
const SINGULAR_PIVOT_RATIO = 1e-10;
/** Repaired eigenvalues are floored at this fraction of the mean variance (condition number ≤ ~1e8). */
const EIGENVALUE_FLOOR_RATIO = 1e-8;

/**
 * The lower Cholesky factor of `covariance`, repairing it first when it is singular or indefinite
 * (e.g. more assets than observations): the eigenvalue-clipped nearest matrix in Frobenius norm, with
 * eigenvalues floored at 1e-8 × the mean variance so that it is positive definite and the optimum unique.
 */
export function factorCovariance(
  covariance: Float64Array,
  n: number,
  mode: CovarianceRepairMode,
): { covariance: Float64Array; lower: Float64Array; repair: CovarianceRepair | undefined } {
  let meanVariance = 0;
  for (let i = 0; i < n; i++) meanVariance += covariance[i * n + i]! / n;
  if (!(meanVariance > 0)) {
    throw invalidInput("The covariance has no positive variance; pass annual volatilities above zero.", {
      meanVariance,
    });
  }
  const factor = cholesky(covariance, n);
  if (factor.ok && smallestPivotSquared(factor.lower, n) > SINGULAR_PIVOT_RATIO * meanVariance) {
    return { covariance, lower: factor.lower, repair: undefined };
  }
  const floor = EIGENVALUE_FLOOR_RATIO * meanVariance;
  const { matrix, minEigenvalueBefore } = nearestPsd(covariance, n, { floor });
  if (mode === "reject") {
    throw invalidInput(
      `The covariance is singular or not positive definite (smallest eigenvalue ${minEigenvalueBefore}); use more observations than assets, or let the optimiser repair it (covarianceRepair: "nearest-pd").`,
      { smallestEigenvalue: minEigenvalueBefore },
    );
  }
  const repaired = cholesky(matrix, n);
  if (!repaired.ok) {
    throw invalidInput("The covariance could not be repaired to a positive-definite matrix; check it for NaN.", {
      smallestEigenvalue: minEigenvalueBefore,
    });
  }
  let change = 0;
  for (let i = 0; i < n * n; i++) change += (matrix[i]! - covariance[i]!) ** 2;
  return {
    covariance: matrix,
    lower: repaired.lower,
    repair: { method: "eigenvalue-floor", smallestEigenvalue: minEigenvalueBefore, floor, change: Math.sqrt(change) },
  };
}

function smallestPivotSquared(lower: Float64Array, n: number): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) smallest = Math.min(smallest, lower[i * n + i]! ** 2);
  return smallest;
}
