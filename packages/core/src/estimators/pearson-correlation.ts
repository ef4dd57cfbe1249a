import { ScrillaError } from "../errors.js";
import { isConstant, meanOf } from "./moments.js";
import { assertSameLength, assertSample } from "./sample-checks.js";

/**
 * Pearson correlation of paired samples (§2.4), computed on centred data and clamped to [−1, 1]
 * against rounding. A constant sample has no correlation: INVALID_INPUT.
 */
export function sampleCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  assertSameLength(x, y);
  assertSample(x, 2, "first sample");
  assertSample(y, 2, "second sample");
  return pearsonUnchecked(x, y);
}

export function pearsonUnchecked(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const mx = meanOf(x);
  const my = meanOf(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0 || isConstant(x) || isConstant(y)) {
    throw new ScrillaError(
      "INVALID_INPUT",
      "correlation is undefined for a constant sample (zero variance); use a window where both prices move",
    );
  }
  return Math.min(1, Math.max(-1, sxy / Math.sqrt(sxx * syy)));
}
