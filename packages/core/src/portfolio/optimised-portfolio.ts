import { invalidInput } from "../errors.js";
import type { CovarianceRepair } from "./covariance-repair.js";
import type { PortfolioModel } from "./portfolio-model.js";
import { portfolioReturn, portfolioVolatility } from "./portfolio-statistics.js";
import type { WeightBounds, WeightBoundsInput } from "./weight-bounds.js";

/** Options every optimiser accepts. */
export interface OptimiserOptions {
  /** Per-asset weight bounds (default 0 ≤ wᵢ ≤ 1). */
  bounds?: WeightBoundsInput;
  /** Annual risk-free rate (decimal) used for the reported Sharpe ratio; omitted → no Sharpe ratio. */
  riskFreeRate?: number;
}

/** An optimal portfolio and its statistics. */
export interface OptimisedPortfolio {
  /** Weights in asset order, summing to 1 within the bounds. */
  weights: Float64Array;
  annualReturn: number;
  annualVolatility: number;
  /** (R − rf)/σ when a risk-free rate was given. */
  sharpeRatio: number | undefined;
  /** Active-set steps the solver took (summed over sub-problems). */
  iterations: number;
  /** Set when a singular or indefinite covariance was repaired before optimising. */
  covarianceRepair: CovarianceRepair | undefined;
}

/** Wraps solver weights: clips rounding noise (≤ 1e-12) back into the bounds and computes statistics. */
export function optimisedPortfolio(
  model: PortfolioModel,
  weights: Float64Array,
  bounds: WeightBounds,
  iterations: number,
  riskFreeRate: number | undefined,
): OptimisedPortfolio {
  if (riskFreeRate !== undefined && (typeof riskFreeRate !== "number" || !Number.isFinite(riskFreeRate))) {
    throw invalidInput(
      `riskFreeRate ${JSON.stringify(riskFreeRate)} is not a finite number; pass a decimal such as 0.02.`,
    );
  }
  const clipped = weights.map((value, i) => Math.min(Math.max(value, bounds.lower[i]!), bounds.upper[i]!));
  const annualReturn = portfolioReturn(model, clipped);
  const annualVolatility = portfolioVolatility(model, clipped);
  return {
    weights: clipped,
    annualReturn,
    annualVolatility,
    sharpeRatio: riskFreeRate === undefined ? undefined : (annualReturn - riskFreeRate) / annualVolatility,
    iterations,
    covarianceRepair: model.covarianceRepair,
  };
}
