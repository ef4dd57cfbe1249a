import { assertSameLength, assertSample } from "./sample-checks.js";

/** C_n(xq, yq) = #{i : x_i ≤ xq and y_i ≤ yq} / n (§2.7). */
export function empiricalCopula(x: ArrayLike<number>, y: ArrayLike<number>, xq: number, yq: number): number {
  assertSameLength(x, y);
  assertSample(x, 1, "first sample");
  assertSample(y, 1, "second sample");
  let count = 0;
  for (let i = 0; i < x.length; i++) if (x[i]! <= xq && y[i]! <= yq) count++;
  return count / x.length;
}
