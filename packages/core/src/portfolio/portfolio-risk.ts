import { checkGbmInput, checkProbability } from "../probability/gbm-input.js";
import { conditionalValueAtRisk, gbmPercentile } from "../probability/value-at-risk.js";
import type { PortfolioModel } from "./portfolio-model.js";
import { portfolioReturn, portfolioVolatility } from "./portfolio-statistics.js";

/** Horizon T in years and tail probability p of a GBM value-at-risk question. */
export interface RiskHorizon {
  expiry: number;
  probability: number;
}

/**
 * The portfolio's GBM p-percentile of the value of 1 invested after `expiry` years (spec §4.5
 * `percentile_function`), with annual R(w), σ(w) and the horizon applied once (D-13).
 */
export function portfolioPercentile(model: PortfolioModel, weights: ArrayLike<number>, horizon: RiskHorizon): number {
  return gbmPercentile(unitGbm(model, weights, horizon.expiry), horizon.probability);
}

/**
 * The portfolio's CVaR as a loss fraction: 1 − E[S_T | S_T < VaR] with S₀ = 1 (spec §4.5
 * `conditional_value_at_risk_function`, horizon applied once, D-13).
 */
export function portfolioConditionalValueAtRisk(
  model: PortfolioModel,
  weights: ArrayLike<number>,
  horizon: RiskHorizon,
): number {
  return conditionalValueAtRisk(unitGbm(model, weights, horizon.expiry), horizon.probability).loss;
}

/** Throws INVALID_INPUT unless expiry > 0 and 0 < probability < 1. */
export function checkRiskHorizon(horizon: RiskHorizon): void {
  checkGbmInput({ spot: 1, annualReturn: 0, annualVolatility: 0, expiry: horizon.expiry });
  checkProbability(horizon.probability);
}

function unitGbm(model: PortfolioModel, weights: ArrayLike<number>, expiry: number) {
  return {
    spot: 1,
    annualReturn: portfolioReturn(model, weights),
    annualVolatility: portfolioVolatility(model, weights),
    expiry,
  };
}
