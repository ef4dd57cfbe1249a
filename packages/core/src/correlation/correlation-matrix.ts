import { ScrillaError } from "../errors.js";
import { nearestPsd } from "../linalg/nearest-psd.js";
import type { PriceSeries } from "../types.js";
import { assetCorrelation, type CorrelationOptions } from "./asset-correlation.js";

export interface CorrelationMatrixResult {
  correlation_matrix: number[][];
  /** True when pairwise estimates were not jointly consistent and the matrix was moved to the nearest PSD one. */
  repaired: boolean;
  /** Smallest eigenvalue of the pairwise matrix before any repair. */
  min_eigenvalue: number;
}

/**
 * Correlation matrix of several assets (§3.7): each pair correlated on its own common dates with the
 * chosen method. Pairwise estimates need not be jointly consistent (different date sets, percentile
 * matching), so the matrix is repaired to the nearest positive semi-definite one with unit diagonal
 * when its smallest eigenvalue is negative; `repaired` says so. Always symmetric with unit diagonal.
 */
export function correlationMatrix(
  series: readonly PriceSeries[],
  options: CorrelationOptions = {},
): CorrelationMatrixResult {
  const n = series.length;
  if (n === 0) {
    throw new ScrillaError("SAMPLE_TOO_SMALL", "a correlation matrix needs at least one asset");
  }
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    matrix[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const { correlation } = assetCorrelation(series[i]!, series[j]!, options);
      matrix[i * n + j] = correlation;
      matrix[j * n + i] = correlation;
    }
  }
  const psd = nearestPsd(matrix, n, { unitDiagonal: true });
  return {
    correlation_matrix: Array.from({ length: n }, (_, i) => Array.from(psd.matrix.subarray(i * n, (i + 1) * n))),
    repaired: psd.repaired,
    min_eigenvalue: psd.minEigenvalueBefore,
  };
}
