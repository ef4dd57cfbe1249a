import { ScrillaError } from "../errors.js";
import { assertSameLength, assertSample } from "./sample-checks.js";

const LOG_TWO_PI = Math.log(2 * Math.PI);

/** Σ ln φ(x_i; mean, sd) (§2.10). */
export function normalLogLikelihood(x: ArrayLike<number>, mean: number, sd: number): number {
  assertSample(x, 1);
  if (!(sd > 0) || !Number.isFinite(sd) || !Number.isFinite(mean)) {
    throw new ScrillaError("INVALID_INPUT", `normal log-likelihood needs a finite mean and sd > 0, got sd ${sd}`);
  }
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const z = (x[i]! - mean) / sd;
    sum += z * z;
  }
  return -x.length * (0.5 * LOG_TWO_PI + Math.log(sd)) - 0.5 * sum;
}

/** Parameters of a bivariate normal: means, variances and covariance (not standard deviations). */
export interface BivariateNormalParameters {
  meanX: number;
  meanY: number;
  varianceX: number;
  varianceY: number;
  covariance: number;
}

/**
 * Σ ln φ₂((x_i, y_i); mean, [[vx, c], [c, vy]]) (§2.11). A covariance matrix that is not positive
 * definite is an error here, not +∞ (D-03).
 */
export function bivariateNormalLogLikelihood(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  parameters: BivariateNormalParameters,
): number {
  assertSameLength(x, y);
  assertSample(x, 1, "first sample");
  assertSample(y, 1, "second sample");
  const { meanX, meanY, varianceX, varianceY, covariance } = parameters;
  const determinant = varianceX * varianceY - covariance * covariance;
  if (!(varianceX > 0) || !(determinant > 0) || !Number.isFinite(determinant)) {
    throw new ScrillaError(
      "INVALID_INPUT",
      `bivariate normal needs a positive-definite covariance matrix; got variances ${varianceX}, ${varianceY} and covariance ${covariance}`,
    );
  }
  let quadratic = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i]! - meanX;
    const dy = y[i]! - meanY;
    quadratic += (varianceY * dx * dx - 2 * covariance * dx * dy + varianceX * dy * dy) / determinant;
  }
  return -x.length * (LOG_TWO_PI + 0.5 * Math.log(determinant)) - 0.5 * quadratic;
}
