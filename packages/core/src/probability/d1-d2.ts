import { checkGbmInput, checkPriceLevel, forwardPrice, type GbmInput } from "./gbm-input.js";
import { normalCdf } from "./normal.js";

/**
 * d1 = [ln(S0/K) + (μ − q + σ²/2)T] / (σ√T) and d2 = d1 − σ√T for a price level K (spec §4.1).
 * With σ = 0 they are ±Infinity (or NaN when K is exactly the forward price).
 */
export function gbmD1D2(input: GbmInput, level: number): { d1: number; d2: number } {
  const q = checkGbmInput(input);
  checkPriceLevel(level, "price level");
  const { spot, annualReturn: mu, annualVolatility: sigma, expiry } = input;
  const spread = sigma * Math.sqrt(expiry);
  const d1 = (Math.log(spot / level) + (mu - q + 0.5 * sigma * sigma) * expiry) / spread;
  return { d1, d2: d1 - spread };
}

/** Φ(d1), or Φ(−d1) with `negate`. */
export function probabilityD1(input: GbmInput, level: number, negate = false): number {
  const { d1 } = gbmD1D2(input, level);
  return normalCdf(negate ? -d1 : d1);
}

/**
 * Φ(d2) = P(S_T > K), or Φ(−d2) = P(S_T < K) with `negate`. With σ = 0 the price is certain:
 * the probability is 1 or 0 by comparing the forward price with K (respecting `negate`).
 */
export function probabilityD2(input: GbmInput, level: number, negate = false): number {
  if (input.annualVolatility === 0) {
    checkPriceLevel(level, "price level");
    const above = forwardPrice(input) > level;
    return above !== negate ? 1 : 0;
  }
  const { d2 } = gbmD1D2(input, level);
  return normalCdf(negate ? -d2 : d2);
}
