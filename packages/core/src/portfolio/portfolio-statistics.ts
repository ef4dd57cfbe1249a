import { invalidInput } from "../errors.js";
import type { PortfolioModel } from "./portfolio-model.js";

/** R(w) = Σ wᵢ·μᵢ. */
export function portfolioReturn(model: PortfolioModel, weights: ArrayLike<number>): number {
  checkWeights(model, weights);
  let sum = 0;
  for (let i = 0; i < model.size; i++) sum += weights[i]! * model.annualReturns[i]!;
  return sum;
}

/** σ(w) = √(wᵀΣw). */
export function portfolioVolatility(model: PortfolioModel, weights: ArrayLike<number>): number {
  checkWeights(model, weights);
  const n = model.size;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += model.covariance[i * n + j]! * weights[j]!;
    variance += weights[i]! * row;
  }
  return Math.sqrt(Math.max(variance, 0));
}

/** (R(w) − rf) / σ(w), with the caller's risk-free rate (D-15: never a silent 0). */
export function portfolioSharpeRatio(model: PortfolioModel, weights: ArrayLike<number>, riskFreeRate: number): number {
  if (!Number.isFinite(riskFreeRate)) throw invalidInput(`riskFreeRate must be a finite decimal, got ${riskFreeRate}.`);
  return (portfolioReturn(model, weights) - riskFreeRate) / portfolioVolatility(model, weights);
}

export function checkWeights(model: PortfolioModel, weights: ArrayLike<number>): void {
  if (weights.length !== model.size) {
    throw invalidInput(`Expected ${model.size} weights, one per asset, got ${weights.length}.`);
  }
  for (let i = 0; i < weights.length; i++) {
    if (!Number.isFinite(weights[i])) throw invalidInput(`weights[${i}] is ${weights[i]}; pass finite numbers.`);
  }
}
