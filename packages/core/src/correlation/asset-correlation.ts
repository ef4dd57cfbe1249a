import { ScrillaError } from "../errors.js";
import { pearsonUnchecked } from "../estimators/pearson-correlation.js";
import { type EstimationMethod, parseEstimationMethod, unknownEstimationMethod } from "../profile/estimation-method.js";
import { MINIMUM_PROFILE_PRICES } from "../profile/risk-profile.js";
import { alignSeries } from "../returns/align-series.js";
import { logReturns } from "../returns/log-returns.js";
import type { PriceSeries } from "../types.js";
import { percentileCorrelation } from "./percentile-correlation.js";

export interface CorrelationOptions {
  /** Default "moments". */
  method?: EstimationMethod;
}

/**
 * Correlation of two assets' daily log returns on their common dates (§2.14). `moments` and
 * `likelihood` are both the Pearson correlation (D-01: one divisor; D-03: the exact bivariate MLE;
 * D-02: everything from the aligned sample itself); `percentiles` is §2.14.3's matching (D-04).
 * Crypto paired with equities should be filtered to trading days by the caller first; returns are then
 * taken between the same common dates for both assets (Δ = 1).
 */
export function assetCorrelation(
  first: PriceSeries,
  second: PriceSeries,
  options: CorrelationOptions = {},
): { correlation: number } {
  const method = parseEstimationMethod(options.method ?? "moments");
  const aligned = alignSeries(first, second);
  if (aligned.dates.length < MINIMUM_PROFILE_PRICES) {
    throw new ScrillaError(
      "SAMPLE_TOO_SMALL",
      `the two series share ${aligned.dates.length} date(s); a correlation needs at least ${MINIMUM_PROFILE_PRICES}`,
    );
  }
  return {
    correlation: correlationOfReturns(logReturns(aligned.first), logReturns(aligned.second), method),
  };
}

/** The same estimators on paired return samples of equal length (≥ 2). */
export function correlationOfReturns(x: Float64Array, y: Float64Array, method: EstimationMethod): number {
  switch (method) {
    case "moments":
    case "likelihood":
      return pearsonUnchecked(x, y);
    case "percentiles":
      return percentileCorrelation(x, y);
    default:
      throw unknownEstimationMethod(method);
  }
}
