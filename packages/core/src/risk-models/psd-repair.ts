import { invalidInput } from "../errors.js";
import { nearestPsd } from "../linalg/index.js";

export interface PsdRepair {
  covariance: Float64Array;
  /** True when eigenvalues had to be clipped. */
  repaired: boolean;
  /** Smallest eigenvalue before the repair. */
  minEigenvalueBefore: number;
}

/**
 * The nearest positive semi-definite matrix to a symmetric one by eigenvalue clipping V·max(Λ, floor)·Vᵀ
 * (Higham 1988, the Frobenius-nearest PSD matrix for floor 0) — for pairwise or hand-made covariances.
 */
export function nearestPsdCovariance(
  covariance: Float64Array,
  assets: number,
  options: { floor?: number } = {},
): PsdRepair {
  if (covariance.length !== assets * assets) {
    throw invalidInput(`A ${assets}-asset covariance needs ${assets * assets} entries, got ${covariance.length}.`);
  }
  const floor = options.floor ?? 0;
  if (typeof floor !== "number" || !(floor >= 0)) throw invalidInput(`floor must be a number ≥ 0, got ${floor}.`);
  const result = nearestPsd(covariance, assets, { floor });
  return { covariance: result.matrix, repaired: result.repaired, minEigenvalueBefore: result.minEigenvalueBefore };
}
