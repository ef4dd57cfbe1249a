import { invalidInput, ScrillaError } from "../errors.js";

/** Per-asset weight bounds: a number applies to every asset; defaults 0 and 1 (long-only, no leverage). */
export interface WeightBoundsInput {
  lower?: number | ArrayLike<number>;
  upper?: number | ArrayLike<number>;
}

export interface WeightBounds {
  lower: Float64Array;
  upper: Float64Array;
}

const BUDGET_TOLERANCE = 1e-12;

/** Validates bounds: 0 ≤ lower ≤ upper ≤ 1 per asset, and Σ lower ≤ 1 ≤ Σ upper so a portfolio exists. */
export function weightBounds(n: number, input: WeightBoundsInput = {}): WeightBounds {
  const lower = expand(input.lower ?? 0, n, "lower");
  const upper = expand(input.upper ?? 1, n, "upper");
  for (let i = 0; i < n; i++) {
    if (!(lower[i]! >= 0 && lower[i]! <= upper[i]! && upper[i]! <= 1)) {
      throw invalidInput(
        `Weight bounds of asset ${i} must satisfy 0 ≤ lower ≤ upper ≤ 1 (long-only); got [${lower[i]}, ${upper[i]}].`,
        { asset: i, lower: lower[i], upper: upper[i] },
      );
    }
  }
  const lowerSum = lower.reduce((sum, value) => sum + value, 0);
  const upperSum = upper.reduce((sum, value) => sum + value, 0);
  if (lowerSum > 1 + BUDGET_TOLERANCE || upperSum < 1 - BUDGET_TOLERANCE) {
    throw new ScrillaError(
      "INFEASIBLE",
      `No fully invested portfolio fits the bounds: lower bounds sum to ${lowerSum} and upper bounds to ${upperSum}; they must bracket 1.`,
      { lowerSum, upperSum },
    );
  }
  return { lower, upper };
}

function expand(value: number | ArrayLike<number>, n: number, name: string): Float64Array {
  if (typeof value === "number") return new Float64Array(n).fill(value);
  if (value.length !== n) throw invalidInput(`${name} bounds need one value per asset (${n}), got ${value.length}.`);
  return Float64Array.from(value);
}

/**
 * The fully invested portfolio with the highest (or lowest) return within the bounds: start from the
 * lower bounds and pour the rest of the budget into the best assets in order. Assets whose returns tie
 * share equally (water-filling up to their upper bounds), so the answer is deterministic.
 */
export function extremeReturnWeights(
  returns: Float64Array,
  bounds: WeightBounds,
  direction: "max" | "min",
): Float64Array {
  const n = returns.length;
  const weights = Float64Array.from(bounds.lower);
  let remaining = 1 - weights.reduce((sum, value) => sum + value, 0);
  const sign = direction === "max" ? -1 : 1;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => sign * (returns[a]! - returns[b]!) || a - b);
  const scale = returns.reduce((worst, value) => Math.max(worst, Math.abs(value)), 0);
  let start = 0;
  while (start < n && remaining > 0) {
    let end = start + 1;
    while (end < n && Math.abs(returns[order[end]!]! - returns[order[start]!]!) <= 1e-14 * scale) end++;
    remaining = waterFill(order.slice(start, end), weights, bounds.upper, remaining);
    start = end;
  }
  return weights;
}

function waterFill(group: number[], weights: Float64Array, upper: Float64Array, remaining: number): number {
  let open = group.filter((i) => upper[i]! > weights[i]!);
  while (remaining > 0 && open.length > 0) {
    const share = remaining / open.length;
    const saturated = open.filter((i) => upper[i]! - weights[i]! <= share);
    if (saturated.length === 0) {
      for (const i of open) weights[i] = weights[i]! + share;
      return 0;
    }
    for (const i of saturated) {
      remaining -= upper[i]! - weights[i]!;
      weights[i] = upper[i]!;
    }
    open = open.filter((i) => !saturated.includes(i));
  }
  return Math.max(remaining, 0);
}
