import type { TransactionCosts } from "../constraints/transaction-costs.js";

const BISECTIONS = 64;

/**
 * The step α ∈ [0, 1] minimising φ(w + α·d) = (1/T)·Σ min(pₜ + α·qₜ − B, 0)² + Σ cᵢ·|wᵢ + α·dᵢ − w⁰ᵢ|, with
 * p = R·w and q = R·d the portfolio returns at w and along d. φ is convex along the segment, so its right
 * derivative is non-decreasing and bisection on its sign finds the minimiser to machine precision.
 */
export function semivarianceStep(
  portfolio: Float64Array,
  direction: Float64Array,
  benchmark: number,
  weights: Float64Array,
  move: Float64Array,
  costs: TransactionCosts | undefined,
): number {
  const T = portfolio.length;
  const slope = (alpha: number, side: 1 | -1): number => {
    let total = 0;
    for (let t = 0; t < T; t++) {
      const shortfall = portfolio[t]! + alpha * direction[t]! - benchmark;
      if (shortfall < 0) total += shortfall * direction[t]!;
    }
    total *= 2 / T;
    if (costs) {
      for (let i = 0; i < weights.length; i++) {
        const d = move[i]!;
        const offset = weights[i]! + alpha * d - costs.current[i]!;
        // At a kink the one-sided derivative of |offset| along d is ±|d|.
        const sign = offset === 0 ? side * Math.sign(d) : Math.sign(offset);
        total += costs.rates[i]! * sign * d;
      }
    }
    return total;
  };
  if (slope(1, -1) <= 0) return 1;
  if (slope(0, 1) >= 0) return 0;
  let low = 0;
  let high = 1;
  for (let k = 0; k < BISECTIONS && high - low > Number.EPSILON; k++) {
    const middle = (low + high) / 2;
    if (slope(middle, 1) < 0) low = middle;
    else high = middle;
  }
  return high;
}
