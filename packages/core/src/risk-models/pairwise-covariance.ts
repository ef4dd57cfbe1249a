import type { ReturnsPanel } from "../covariance/returns-panel.js";
import { ScrillaError } from "../errors.js";
import type { AnnualisationOptions } from "../expected-returns/mean-returns.js";
import { DEFAULT_PERIODS_PER_YEAR } from "../labelled/estimator-options.js";
import { nearestPsd } from "../linalg/index.js";
import type { CovarianceResult } from "./risk-model-result.js";

/**
 * Sample covariance from pairwise-complete observations (NaN = missing): each pair uses the days both
 * returns exist, centred on the pair's own means, divisor n − 1 (pandas `DataFrame.cov`). Such a matrix
 * need not be PSD, so it is clipped to the nearest PSD matrix (eigenvalues at 0) and `repaired` says so.
 */
export function pairwiseSampleCovariance(panel: ReturnsPanel, options: AnnualisationOptions = {}): CovarianceResult {
  const ppy = options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const { assets: n, days, values } = panel;
  const covariance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let count = 0;
      let meanI = 0;
      let meanJ = 0;
      for (let t = 0; t < days; t++) {
        const a = values[i * days + t]!;
        const b = values[j * days + t]!;
        if (Number.isNaN(a) || Number.isNaN(b)) continue;
        count++;
        meanI += a;
        meanJ += b;
      }
      if (count < 2) {
        throw new ScrillaError("SAMPLE_TOO_SMALL", `assets ${i} and ${j} share ${count} return(s); 2 are needed`, {
          assets: [i, j],
        });
      }
      meanI /= count;
      meanJ /= count;
      let sum = 0;
      for (let t = 0; t < days; t++) {
        const a = values[i * days + t]!;
        const b = values[j * days + t]!;
        if (!Number.isNaN(a) && !Number.isNaN(b)) sum += (a - meanI) * (b - meanJ);
      }
      covariance[i * n + j] = covariance[j * n + i] = (ppy * sum) / (count - 1);
    }
  }
  const repair = nearestPsd(covariance, n);
  return { assets: n, covariance: repair.matrix, periodsPerYear: ppy, repaired: repair.repaired };
}
