import { ScrillaError } from "../errors.js";

/** Throws INVALID_INPUT unless every price is a finite positive number. */
export function assertValidPrices(prices: ArrayLike<number>, what = "prices"): void {
  for (let i = 0; i < prices.length; i++) {
    const price = prices[i]!;
    if (!(price > 0) || !Number.isFinite(price)) {
      throw new ScrillaError(
        "INVALID_INPUT",
        `${what}[${i}] is ${price}; every price must be a finite positive number — remove or repair that observation`,
        { index: i, price },
      );
    }
  }
}

/**
 * Daily log returns `ln(P[i+1] / P[i])` of prices ordered oldest first. Each adjacent pair of
 * observations is one step (Δ = 1): the series is assumed to be on its own calendar already
 * (trading days, or every calendar day for crypto with weekends). Needs at least `minimumPrices`.
 */
export function logReturns(prices: ArrayLike<number>, minimumPrices = 2): Float64Array {
  if (prices.length < minimumPrices) {
    throw new ScrillaError(
      "SAMPLE_TOO_SMALL",
      `got ${prices.length} price(s) but at least ${minimumPrices} are needed; widen the date range`,
      { prices: prices.length, minimum: minimumPrices },
    );
  }
  assertValidPrices(prices);
  const returns = new Float64Array(prices.length - 1);
  for (let i = 1; i < prices.length; i++) returns[i - 1] = Math.log(prices[i]! / prices[i - 1]!);
  return returns;
}

/** The §1.4 sample: daily log returns divided by `dt`, i.e. annualised per-observation returns. */
export function annualisedReturns(prices: ArrayLike<number>, dt: number, minimumPrices = 2): Float64Array {
  const returns = logReturns(prices, minimumPrices);
  for (let i = 0; i < returns.length; i++) returns[i] = returns[i]! / dt;
  return returns;
}
