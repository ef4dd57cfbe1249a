import { invalidInput } from "../errors.js";
import type { AssetType } from "../types.js";

export interface ShareAllocationInput {
  /** Portfolio weights in asset order (e.g. an optimiser's `weights`). */
  weights: ArrayLike<number>;
  /** Latest close per asset in the same order (D-31: the close, not the open). */
  prices: ArrayLike<number>;
  /** Amount to invest, in the prices' currency. */
  investment: number;
  /** Per asset; crypto is bought in fractional units. Default: every asset is an equity. */
  assetTypes?: readonly AssetType[];
  /** Decimal places of crypto units (default 8). */
  cryptoDecimals?: number;
}

export interface ShareAllocation {
  /** Units per asset: whole shares for equities, truncated to `cryptoDecimals` for crypto. */
  shares: number[];
  /** Σ sharesᵢ·priceᵢ (to 8 decimals), never above the investment. */
  total: number;
  /** investment − total, the cash left over. */
  leftover: number;
}

/**
 * Units to buy for an investment: sharesᵢ = trunc(wᵢ·investment/priceᵢ) at the unit's precision
 * (spec §5.10 with D-31 and TODOS #51 fixed).
 */
export function allocateShares(input: ShareAllocationInput): ShareAllocation {
  const { weights, prices, investment } = input;
  const n = weights.length;
  if (prices.length !== n)
    throw invalidInput(`Got ${n} weights but ${prices.length} prices; pass one price per asset.`);
  if (input.assetTypes && input.assetTypes.length !== n) {
    throw invalidInput(`Got ${n} weights but ${input.assetTypes.length} asset types; pass one per asset.`);
  }
  if (!(investment > 0 && Number.isFinite(investment))) {
    throw invalidInput(`The investment must be a positive amount, got ${investment}.`);
  }
  const cryptoDecimals = input.cryptoDecimals ?? 8;
  if (!Number.isInteger(cryptoDecimals) || cryptoDecimals < 0 || cryptoDecimals > 12) {
    throw invalidInput(`cryptoDecimals must be an integer from 0 to 12, got ${cryptoDecimals}.`);
  }
  const shares: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const price = prices[i]!;
    const weight = weights[i]!;
    if (!(price > 0 && Number.isFinite(price))) {
      throw invalidInput(`The price of asset ${i} must be positive, got ${price}; check the latest close.`);
    }
    if (!(weight >= -1e-12 && weight <= 1 + 1e-12)) {
      throw invalidInput(`Weight ${i} must lie in [0, 1] (long-only), got ${weight}.`);
    }
    const scale = input.assetTypes?.[i] === "crypto" ? 10 ** cryptoDecimals : 1;
    const units = truncateUnits((Math.max(weight, 0) * investment * scale) / price) / scale;
    shares.push(units);
    total += units * price;
  }
  const rounded = roundTo8Decimals(total);
  return { shares, total: rounded, leftover: roundTo8Decimals(investment - rounded) };
}

/** Rounds to 8 decimals: drops binary noise such as 9493.880000000001 from a sum of unit × price. */
function roundTo8Decimals(amount: number): number {
  return Math.round(amount * 1e8) / 1e8;
}

/** trunc toward zero, forgiving the last few ulps of rounding so that e.g. 47.999…9 from 48 stays 48. */
function truncateUnits(units: number): number {
  return Math.floor(units + units * 4 * Number.EPSILON);
}
