import { invalidInput } from "../errors.js";
import type { AssetType } from "../types.js";
import { type AllocationBook, greedyBook, truncateBook } from "./allocation-book.js";
import { exactBook } from "./exact-allocation.js";

export const ALLOCATION_METHODS = ["truncate", "greedy", "exact"] as const;
export type AllocationMethod = (typeof ALLOCATION_METHODS)[number];

export interface DiscreteAllocationInput {
  /** Target weights in asset order; negative weights are short positions. */
  weights: ArrayLike<number>;
  /** Latest close per asset (D-31). */
  prices: ArrayLike<number>;
  /** Cash to invest; the net outlay (longs bought − shorts sold) never exceeds it. */
  investment: number;
  /**
   * - `truncate` (default, scrilla's rule): ⌊wᵢV/pᵢ⌋ units;
   * - `greedy`: truncation, then one more unit of the most under-allocated affordable asset while that
   *   brings it closer to target, repeatedly;
   * - `exact`: least Σ (wᵢV − xᵢpᵢ)² within the budget (branch and bound, see `exactBook`).
   */
  method?: AllocationMethod;
  /** Per asset; crypto is bought in fractional units. Default: every asset is an equity. */
  assetTypes?: readonly AssetType[];
  /** Decimal places of crypto units (default 8). */
  cryptoDecimals?: number;
}

export interface DiscreteAllocation {
  /** Units per asset (negative = short): whole shares for equities, multiples of 10^−cryptoDecimals for crypto. */
  shares: number[];
  /** Net cash outlay Σ sharesᵢ·pᵢ (to 8 dp), never above the investment. */
  total: number;
  /** investment − total. */
  leftover: number;
  /** sharesᵢ·pᵢ / investment. */
  achievedWeights: number[];
  /** √(mean (wᵢ − achievedᵢ)²): how far the whole units are from the target weights. */
  rmse: number;
  method: AllocationMethod;
  /** `exact` only: false when the search hit its node limit and returned the best allocation it found. */
  proven?: boolean;
}

/**
 * Units to buy (and sell short) for target weights. Short positions are sized first on their own book
 * (targets |wᵢ|·V, at most Σ|wᵢ⁻|·V of proceeds); the long book may then spend V plus those proceeds, so
 * the net outlay stays within V. Long-only weights give a single book with budget V.
 */
export function discreteAllocation(input: DiscreteAllocationInput): DiscreteAllocation {
  const { weights, prices, investment } = input;
  const n = weights.length;
  const method = input.method ?? "truncate";
  if (!ALLOCATION_METHODS.includes(method)) {
    throw invalidInput(`Allocation method ${JSON.stringify(method)} is unknown; use ${ALLOCATION_METHODS.join(", ")}.`);
  }
  if (prices.length !== n)
    throw invalidInput(`Got ${n} weights but ${prices.length} prices; pass one price per asset.`);
  if (input.assetTypes && input.assetTypes.length !== n) {
    throw invalidInput(`Got ${n} weights but ${input.assetTypes.length} asset types; pass one per asset.`);
  }
  if (typeof investment !== "number" || !(investment > 0 && Number.isFinite(investment))) {
    throw invalidInput(`The investment must be a positive amount, got ${investment}.`);
  }
  const decimals = input.cryptoDecimals ?? 8;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) {
    throw invalidInput(`cryptoDecimals must be an integer from 0 to 12, got ${decimals}.`);
  }
  const unitsPerShare = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const price = prices[i]!;
    const weight = weights[i]!;
    if (typeof price !== "number" || !(price > 0 && Number.isFinite(price))) {
      throw invalidInput(`The price of asset ${i} must be positive, got ${price}; check the latest close.`);
    }
    if (typeof weight !== "number" || !Number.isFinite(weight)) {
      throw invalidInput(`Weight ${i} must be a finite number, got ${weight}.`);
    }
    unitsPerShare[i] = input.assetTypes?.[i] === "crypto" ? 10 ** decimals : 1;
  }
  let proven = true;
  const solve = (book: AllocationBook): Float64Array => {
    if (method === "truncate") return truncateBook(book);
    if (method === "greedy") return greedyBook(book);
    const exact = exactBook(book);
    proven &&= exact.proven;
    return exact.units;
  };
  const book = (side: 1 | -1, budget: number): AllocationBook => ({
    targets: Float64Array.from({ length: n }, (_, i) => Math.max(side * weights[i]!, 0) * investment),
    unitPrices: Float64Array.from({ length: n }, (_, i) => prices[i]! / unitsPerShare[i]!),
    budget,
    fractional: Array.from({ length: n }, (_, i) => unitsPerShare[i]! > 1),
  });
  const shortTargets = book(-1, 0).targets.reduce((sum, a) => sum + a, 0);
  const shortUnits = shortTargets > 0 ? solve(book(-1, shortTargets)) : new Float64Array(n);
  let proceeds = 0;
  for (let i = 0; i < n; i++) proceeds += (shortUnits[i]! * prices[i]!) / unitsPerShare[i]!;
  const longUnits = solve(book(1, investment + proceeds));
  const shares = Array.from({ length: n }, (_, i) => (longUnits[i]! - shortUnits[i]!) / unitsPerShare[i]!);
  const total = roundTo8Decimals(shares.reduce((sum, units, i) => sum + units * prices[i]!, 0));
  const achievedWeights = shares.map((units, i) => (units * prices[i]!) / investment);
  const squares = achievedWeights.reduce((sum, achieved, i) => sum + (weights[i]! - achieved) ** 2, 0);
  const result: DiscreteAllocation = {
    shares,
    total,
    leftover: roundTo8Decimals(investment - total),
    achievedWeights,
    rmse: Math.sqrt(squares / n),
    method,
  };
  if (method === "exact") result.proven = proven;
  return result;
}

function roundTo8Decimals(amount: number): number {
  return Math.round(amount * 1e8) / 1e8;
}
