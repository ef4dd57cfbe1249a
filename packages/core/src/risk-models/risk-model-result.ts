/** An annualised covariance matrix (row-major `assets × assets`). */
export interface CovarianceResult {
  assets: number;
  covariance: Float64Array;
  /** The multiplier applied to the per-period covariance (1 = per period, not annualised). */
  periodsPerYear: number;
  /** Shrinkage intensity δ ∈ [0, 1] toward the target, for the shrinkage estimators. */
  shrinkage?: number;
  /** Pairwise covariances only: true when the matrix was clipped to the nearest PSD one. */
  repaired?: boolean;
}

export function scaled(values: Float64Array, factor: number): Float64Array {
  for (let i = 0; i < values.length; i++) values[i] = values[i]! * factor;
  return values;
}
