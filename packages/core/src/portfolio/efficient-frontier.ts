import { invalidInput } from "../errors.js";
import { returnRangeWithin } from "./attainable-returns.js";
import { frontierSteps, frontierTarget } from "./frontier-steps.js";
import { solveMinimumVariance } from "./minimum-variance.js";
import { type OptimisedPortfolio, type OptimiserOptions, optimisedPortfolio } from "./optimised-portfolio.js";
import type { PortfolioModel } from "./portfolio-model.js";
import { weightBounds } from "./weight-bounds.js";

export interface EfficientFrontierOptions extends OptimiserOptions {
  /** Number of portfolios (default 5, scrilla's FRONTIER_STEPS). */
  steps?: number;
  /**
   * "inclusive" (default): targets r_min + i·(r_max − r_min)/(steps − 1), ending at the maximum return.
   * "scrilla": r_min + i·(r_max − r_min)/steps, i < steps — the original's spacing, which never reaches
   * the maximum return (D-18).
   */
  spacing?: "inclusive" | "scrilla";
}

/**
 * `steps` minimum-variance portfolios at evenly spaced target returns from the minimum-variance portfolio
 * up to the maximum attainable return, each solved exactly.
 */
export function efficientFrontier(model: PortfolioModel, options: EfficientFrontierOptions = {}): OptimisedPortfolio[] {
  const steps = frontierSteps(options.steps);
  const spacing = options.spacing ?? "inclusive";
  if (spacing !== "inclusive" && spacing !== "scrilla") {
    throw invalidInput(`Frontier spacing must be "inclusive" or "scrilla", got ${String(spacing)}.`);
  }
  const bounds = weightBounds(model.size, options.bounds);
  const first = solveMinimumVariance(model, bounds);
  const frontier = [optimisedPortfolio(model, first.weights, bounds, first.iterations, options.riskFreeRate)];
  const low = frontier[0]!.annualReturn;
  const high = Math.max(returnRangeWithin(model, bounds).maximum, low);
  const intervals = spacing === "inclusive" ? steps - 1 : steps;
  for (let i = 1; i < steps; i++) {
    const point = solveMinimumVariance(model, bounds, frontierTarget(low, high, i, intervals));
    frontier.push(optimisedPortfolio(model, point.weights, bounds, point.iterations, options.riskFreeRate));
  }
  return frontier;
}
