import { invalidInput } from "../errors.js";
import type { PortfolioModel } from "./portfolio-model.js";
import { portfolioReturn, portfolioVolatility } from "./portfolio-statistics.js";
import type { ShareAllocation } from "./share-allocation.js";

/** One asset of an allocation, with scrilla's JSON keys (DESIGN §3 "Output keys"). */
export interface AllocationHolding {
  ticker: string;
  allocation: number;
  annual_return: number;
  annual_volatility: number;
  shares?: number;
}

/** scrilla's `format_allocation` object (spec §5.11); the frontier output is a list of these. */
export interface AllocationOutput {
  holdings: AllocationHolding[];
  portfolio_return: number;
  portfolio_volatility: number;
  total?: number;
}

/** Builds the allocation object: weights and per-asset statistics rounded to 7 dp, as the original. */
export function formatAllocation(
  tickers: readonly string[],
  model: PortfolioModel,
  weights: ArrayLike<number>,
  shares?: ShareAllocation,
): AllocationOutput {
  if (tickers.length !== model.size) {
    throw invalidInput(`Got ${tickers.length} tickers for a portfolio of ${model.size} assets; pass one per asset.`);
  }
  const holdings = tickers.map((ticker, i): AllocationHolding => {
    const holding: AllocationHolding = {
      ticker,
      allocation: roundHalfEven(weights[i]!, 7),
      annual_return: roundHalfEven(model.annualReturns[i]!, 7),
      annual_volatility: roundHalfEven(model.annualVolatilities[i]!, 7),
    };
    if (shares) holding.shares = shares.shares[i]!;
    return holding;
  });
  const output: AllocationOutput = {
    holdings,
    portfolio_return: portfolioReturn(model, weights),
    portfolio_volatility: portfolioVolatility(model, weights),
  };
  if (shares) output.total = shares.total;
  return output;
}

/** Python's round(x, digits): half-way cases go to the even neighbour. */
function roundHalfEven(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = value * factor;
  const floor = Math.floor(scaled);
  const fraction = scaled - floor;
  const rounded = fraction === 0.5 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(scaled);
  return rounded / factor;
}
