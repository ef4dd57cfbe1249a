import { type OptimisedPortfolio, type OptimiserOptions, optimisedPortfolio } from "./optimised-portfolio.js";
import type { PortfolioModel } from "./portfolio-model.js";
import { extremeReturnWeights, weightBounds } from "./weight-bounds.js";

/**
 * The fully invested portfolio of highest return: everything in the best asset(s) within the bounds.
 * Assets with equal best return share equally (capped by their upper bounds), deterministically.
 */
export function maximumReturn(model: PortfolioModel, options: OptimiserOptions = {}): OptimisedPortfolio {
  const bounds = weightBounds(model.size, options.bounds);
  const weights = extremeReturnWeights(model.annualReturns, bounds, "max");
  return optimisedPortfolio(model, weights, bounds, 0, options.riskFreeRate);
}
