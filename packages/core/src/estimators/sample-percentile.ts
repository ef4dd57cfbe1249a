import { ScrillaError } from "../errors.js";
import { assertSample } from "./sample-checks.js";

function assertProbability(p: number): void {
  if (!(p >= 0 && p <= 1)) {
    throw new ScrillaError("INVALID_INPUT", `percentile ${p} is outside [0, 1]; pass a probability such as 0.25`);
  }
}

/** Ascending copy of a sample; the caller's array is never reordered (D-07). */
export function sortedCopy(x: ArrayLike<number>): Float64Array {
  return Float64Array.from(x).sort();
}

/**
 * §2.6 on an ascending sample: obs = (n+1)p, interpolating between the floor(obs)-th and next order
 * statistics, clamped to the minimum when obs ≤ 1 (D-06) and to the maximum when obs ≥ n.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  const obs = (n + 1) * p;
  if (obs <= 1) return sorted[0]!;
  if (obs >= n) return sorted[n - 1]!;
  const k = Math.floor(obs);
  const f = obs - k;
  if (f === 0) return sorted[k - 1]!;
  return (1 - f) * sorted[k - 1]! + f * sorted[k]!;
}

/** The p-th sample percentile by scrilla's rule (§2.6, D-06/D-07 fixed). */
export function samplePercentile(x: ArrayLike<number>, p: number): number {
  assertSample(x, 1);
  assertProbability(p);
  return percentileOfSorted(sortedCopy(x), p);
}

/** Several percentiles of one sample, sorting it once. */
export function samplePercentiles(x: ArrayLike<number>, ps: readonly number[]): number[] {
  assertSample(x, 1);
  ps.forEach(assertProbability);
  const sorted = sortedCopy(x);
  return ps.map((p) => percentileOfSorted(sorted, p));
}
