import { assertSameLength, assertSample } from "./sample-checks.js";

/** Arithmetic mean (§2.1). */
export function sampleMean(x: ArrayLike<number>): number {
  assertSample(x, 1);
  return meanOf(x);
}

/** Unbiased sample variance, two-pass with divisor n − 1 (§2.2); a single observation has variance 0. */
export function sampleVariance(x: ArrayLike<number>): number {
  assertSample(x, 1);
  if (x.length === 1) return 0;
  return centredSumOfSquares(x, meanOf(x)) / (x.length - 1);
}

/** Sample standard deviation (divisor n − 1). */
export function sampleStandardDeviation(x: ArrayLike<number>): number {
  return Math.sqrt(sampleVariance(x));
}

/** Unbiased sample covariance, two-pass with divisor n − 1 (§2.3); needs ≥ 2 pairs. */
export function sampleCovariance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  assertSameLength(x, y);
  assertSample(x, 2, "first sample");
  assertSample(y, 2, "second sample");
  const mx = meanOf(x);
  const my = meanOf(y);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += (x[i]! - mx) * (y[i]! - my);
  return sum / (x.length - 1);
}

/** Unchecked helpers for hot paths whose input is already validated. */
export function meanOf(x: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]!;
  return sum / x.length;
}

export function centredSumOfSquares(x: ArrayLike<number>, mean: number): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i]! - mean;
    sum += d * d;
  }
  return sum;
}

/** True when every element equals the first (exactly; a centred sum of squares can miss it by rounding). */
export function isConstant(x: ArrayLike<number>): boolean {
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return false;
  return true;
}
