import {
  type DiscreteAllocation,
  type DiscreteAllocationInput,
  discreteAllocation,
} from "../allocation/discrete-allocation.js";
import { invalidInput } from "../errors.js";
import type { AssetType } from "../types.js";
import { byTicker } from "./expected-returns.js";

export interface TickerAllocationInput extends Omit<DiscreteAllocationInput, "weights" | "prices" | "assetTypes"> {
  /** Target weights by ticker (e.g. `labelPortfolio(...).weights`); negative = short. */
  weights: Readonly<Record<string, number>>;
  /** Latest close by ticker; every weighted ticker needs one. */
  prices: Readonly<Record<string, number>>;
  /** Tickers that are crypto (fractional units); the others are equities. */
  assetTypes?: Readonly<Record<string, AssetType>>;
}

export interface TickerAllocation extends Omit<DiscreteAllocation, "shares" | "achievedWeights"> {
  shares: Record<string, number>;
  achievedWeights: Record<string, number>;
}

/** `discreteAllocation` by ticker: weights and prices in, shares by ticker out. */
export function allocateByTicker(input: TickerAllocationInput): TickerAllocation {
  const tickers = Object.keys(input.weights ?? {});
  if (tickers.length === 0) throw invalidInput("Pass the target weights by ticker, e.g. { SPY: 0.6, GLD: 0.4 }.");
  const unpriced = tickers.filter((ticker) => !(ticker in (input.prices ?? {})));
  if (unpriced.length > 0) throw invalidInput(`No price for ${unpriced.join(", ")}; pass the latest close of each.`);
  const { weights, prices, assetTypes, ...rest } = input;
  const result = discreteAllocation({
    ...rest,
    weights: tickers.map((ticker) => weights[ticker]!),
    prices: tickers.map((ticker) => prices[ticker]!),
    ...(assetTypes ? { assetTypes: tickers.map((ticker) => assetTypes[ticker] ?? "equity") } : {}),
  });
  return {
    ...result,
    shares: byTicker(tickers, result.shares),
    achievedWeights: byTicker(tickers, result.achievedWeights),
  };
}
