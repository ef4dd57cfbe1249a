import { invalidInput } from "../errors.js";
import { type OptimisedPortfolio, optimisedPortfolio } from "../portfolio/optimised-portfolio.js";
import type { PortfolioModel } from "../portfolio/portfolio-model.js";
import { type MeanVarianceObjective, solveConstrainedMeanVariance } from "./constrained-quadratic.js";
import {
  type PortfolioConstraints,
  type PortfolioConstraintsInput,
  portfolioConstraints,
} from "./portfolio-constraints.js";
import { solveWithTransactionCosts, type TransactionCostsInput, transactionCosts } from "./transaction-costs.js";

export interface ConstrainedOptions {
  constraints?: PortfolioConstraintsInput;
  /** L2 regularisation γ·‖w‖² added to the objective (default 0); spreads weight over more assets. */
  gamma?: number;
  /** Annual risk-free rate for the reported Sharpe ratio. */
  riskFreeRate?: number;
  /** Proportional costs Σ cᵢ|wᵢ − w⁰ᵢ| against the current weights, charged in the objective (exact). */
  transactionCosts?: TransactionCostsInput;
}

export interface ConstrainedMinimumVarianceOptions extends ConstrainedOptions {
  /** Required annual return μᵀw = target. */
  targetReturn?: number;
}

/** min ½wᵀΣw (+ γ‖w‖², + Σcᵢ|wᵢ − w⁰ᵢ|) under any linear constraints, shorting, leverage and turnover caps; exact. */
export function constrainedMinimumVariance(
  model: PortfolioModel,
  options: ConstrainedMinimumVarianceOptions = {},
): OptimisedPortfolio {
  const constraints = portfolioConstraints(model.size, options.constraints);
  if (options.targetReturn !== undefined && !Number.isFinite(options.targetReturn)) {
    throw invalidInput(`targetReturn must be a finite decimal, got ${options.targetReturn}.`);
  }
  const solved = solve(model, constraints, options, {
    varianceScale: 1,
    returnScale: 0,
    gamma: checkedGamma(options.gamma),
    ...(options.targetReturn !== undefined && { targetReturn: options.targetReturn }),
  });
  return optimisedPortfolio(model, solved.weights, constraints, solved.iterations, options.riskFreeRate);
}

export interface QuadraticUtilityOptions extends ConstrainedOptions {
  /** δ > 0 in max μᵀw − (δ/2)·wᵀΣw (PyPortfolioOpt's risk_aversion; default 1). */
  riskAversion?: number;
}

/** max μᵀw − (δ/2)·wᵀΣw (− γ‖w‖², − Σcᵢ|wᵢ − w⁰ᵢ|) under the constraints; exact. */
export function maximumQuadraticUtility(
  model: PortfolioModel,
  options: QuadraticUtilityOptions = {},
): OptimisedPortfolio {
  const riskAversion = options.riskAversion ?? 1;
  if (!(riskAversion > 0) || !Number.isFinite(riskAversion)) {
    throw invalidInput(`riskAversion must be a positive number (e.g. 1–10), got ${riskAversion}.`);
  }
  const constraints = portfolioConstraints(model.size, options.constraints);
  const solved = solve(model, constraints, options, {
    varianceScale: riskAversion,
    returnScale: 1,
    gamma: checkedGamma(options.gamma),
  });
  return optimisedPortfolio(model, solved.weights, constraints, solved.iterations, options.riskFreeRate);
}

function solve(
  model: PortfolioModel,
  constraints: PortfolioConstraints,
  options: ConstrainedOptions,
  objective: MeanVarianceObjective,
) {
  if (!options.transactionCosts) return solveConstrainedMeanVariance(model, constraints, objective);
  return solveWithTransactionCosts(
    model,
    constraints,
    objective,
    transactionCosts(model.size, options.transactionCosts),
  );
}

function checkedGamma(gamma: number | undefined): number {
  const value = gamma ?? 0;
  if (!(value >= 0) || !Number.isFinite(value)) throw invalidInput(`gamma must be ≥ 0 (e.g. 0.1), got ${gamma}.`);
  return value;
}
