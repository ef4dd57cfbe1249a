import { ScrillaError } from "../errors.js";
import { gbmD1D2 } from "./d1-d2.js";
import { checkGbmInput, checkPriceLevel, checkProbability, forwardPrice, type GbmInput } from "./gbm-input.js";
import { normalCdf, normalQuantile } from "./normal.js";

/** A risk figure both as the price level of S_T and as the loss from today's price (D-14). */
export interface RiskLevel {
  /** Price level (what scrilla's CLI prints as `value_at_risk` / `conditional_value_at_risk`). */
  priceLevel: number;
  /** Loss amount S0 − priceLevel (negative when the level is above today's price). */
  loss: number;
}

/** The price S_T stays below with probability p: S0·exp((μ − q − σ²/2)T + σ√T·Φ⁻¹(p)) (spec §4.2). */
export function gbmPercentile(input: GbmInput, probability: number): number {
  const q = checkGbmInput(input);
  checkProbability(probability);
  const { spot, annualReturn: mu, annualVolatility: sigma, expiry } = input;
  return (
    spot * Math.exp((mu - q - 0.5 * sigma * sigma) * expiry + sigma * Math.sqrt(expiry) * normalQuantile(probability))
  );
}

/**
 * E[S_T | S_T < K] = F·Φ(−d1)/Φ(−d2), or E[S_T | S_T > K] = F·Φ(d1)/Φ(d2) with `greater`, where F is
 * the forward price (spec §4.3). With σ = 0 it is F when F is on the requested side of K.
 */
export function conditionalExpectedValue(input: GbmInput, level: number, greater = false): number {
  const forward = forwardPrice(input);
  checkPriceLevel(level, "conditioning level");
  if (input.annualVolatility === 0) {
    if (greater ? forward > level : forward < level) return forward;
  } else {
    const { d1, d2 } = gbmD1D2(input, level);
    const tail = greater ? normalCdf(d2) : normalCdf(-d2);
    if (tail > 0) return (forward * (greater ? normalCdf(d1) : normalCdf(-d1))) / tail;
  }
  throw new ScrillaError(
    "INVALID_INPUT",
    `S_T ${greater ? "exceeds" : "falls below"} ${level} with probability 0 under this model; choose a level the price can reach.`,
    { level, greater },
  );
}

const riskLevel = (spot: number, priceLevel: number): RiskLevel => ({ priceLevel, loss: spot - priceLevel });

/** Value at risk at probability p over the horizon: the p-percentile of S_T and the loss S0 − it. */
export function valueAtRisk(input: GbmInput, probability: number): RiskLevel {
  return riskLevel(input.spot, gbmPercentile(input, probability));
}

/** Conditional value at risk: E[S_T | S_T < VaR] and the expected loss S0 − it. */
export function conditionalValueAtRisk(input: GbmInput, probability: number): RiskLevel {
  const threshold = gbmPercentile(input, probability);
  if (input.annualVolatility === 0) return riskLevel(input.spot, threshold);
  return riskLevel(input.spot, conditionalExpectedValue(input, threshold));
}
