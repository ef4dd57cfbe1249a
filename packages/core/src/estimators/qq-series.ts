import { normalQuantile } from "../probability/normal.js";
import { assertSample } from "./sample-checks.js";
import { percentileOfSorted, sortedCopy } from "./sample-percentile.js";

/** QQ plot points `[Φ⁻¹(p_i), sample percentile at p_i]` with p_i = (i + ½)/n (§2.8, clamped rule). */
export function qqSeries(x: ArrayLike<number>): [number, number][] {
  assertSample(x, 1);
  const sorted = sortedCopy(x);
  const n = sorted.length;
  return Array.from({ length: n }, (_, i) => {
    const p = (i + 0.5) / n;
    return [normalQuantile(p), percentileOfSorted(sorted, p)];
  });
}
