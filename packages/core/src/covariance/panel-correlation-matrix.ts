import { correlationFromCovariance } from "./correlation-from-covariance.js";
import { type CovarianceOptions, covarianceMatrix } from "./covariance-matrix.js";
import type { ReturnsPanel } from "./returns-panel.js";
import { sampleCorrelationMatrix } from "./sample-correlation-matrix.js";

/**
 * Correlation matrix of a returns panel by the covariance `method`: `sample` is Pearson (the fast
 * path), `ewma` and `ledoit-wolf` rescale the corresponding covariance to unit diagonal.
 */
export function panelCorrelationMatrix(panel: ReturnsPanel, options: CovarianceOptions = {}): Float64Array {
  if ((options.method ?? "sample") === "sample") return sampleCorrelationMatrix(panel);
  return correlationFromCovariance(covarianceMatrix(panel, options).covariance, panel.assets);
}
