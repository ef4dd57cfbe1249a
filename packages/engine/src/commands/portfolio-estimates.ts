import { expectedReturns, type PriceSeries, riskModel, ScrillaError } from "@scrilla/core";
import type { Asset } from "../engine-context.js";
import type { AllocationResult, CommandOptions } from "../engine-types.js";

export interface PortfolioEstimates {
  /** Set when --mean chose an estimator other than scrilla's GBM profiles. */
  annualReturns?: number[];
  /** Set when --risk-model chose an estimator; otherwise scrilla's σ and correlation are used. */
  covariance?: number[][];
  estimators?: NonNullable<AllocationResult["estimators"]>;
}

/**
 * The expected returns and covariance chosen by --mean, --risk-model and --returns, estimated on the window's
 * aligned closes (dates some ticker lacks are dropped: complete cases), annualised with 365 periods when every
 * asset is crypto and 252 otherwise. Without those options nothing is estimated here.
 */
export function portfolioEstimates(
  assets: readonly Asset[],
  aligned: readonly PriceSeries[],
  options: CommandOptions,
): PortfolioEstimates {
  if (options.mean === undefined && options.riskModel === undefined) {
    if (options.returns !== undefined) {
      throw new ScrillaError(
        "INVALID_INPUT",
        "--returns chooses the returns of --mean and --risk-model; add one of them, e.g. --risk-model ledoit-wolf.",
        { option: "returns" },
      );
    }
    return {};
  }
  const prices = Object.fromEntries(assets.map((asset, i) => [asset.ticker, aligned[i]!]));
  const common = {
    returns: options.returns ?? "simple",
    periodsPerYear: assets.every((asset) => asset.assetType === "crypto") ? 365 : 252,
    missing: "complete-cases" as const,
  };
  const mean = options.mean ?? "gbm";
  const estimates: PortfolioEstimates = {};
  const estimators: NonNullable<AllocationResult["estimators"]> = {
    mean,
    risk_model: options.riskModel ?? "scrilla",
    returns: common.returns,
  };
  if (mean !== "gbm") estimates.annualReturns = expectedReturns(prices, { ...common, method: mean }).values;
  if (options.riskModel !== undefined) {
    const risk = riskModel(prices, { ...common, method: options.riskModel });
    estimates.covariance = risk.covariance;
    if (risk.shrinkage !== undefined) estimators.shrinkage = risk.shrinkage;
  }
  estimates.estimators = estimators;
  return estimates;
}
