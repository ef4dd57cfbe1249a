import { invalidInput, ScrillaError } from "../errors.js";
import { normalCdf, normalPdf, normalQuantile } from "../probability/normal.js";
import { returnRangeWithin } from "./attainable-returns.js";
import { solveMinimumVariance } from "./minimum-variance.js";
import { type OptimisedPortfolio, type OptimiserOptions, optimisedPortfolio } from "./optimised-portfolio.js";
import type { PortfolioModel } from "./portfolio-model.js";
import { checkRiskHorizon, portfolioConditionalValueAtRisk, type RiskHorizon } from "./portfolio-risk.js";
import { portfolioReturn, portfolioVolatility } from "./portfolio-statistics.js";
import { type WeightBounds, weightBounds } from "./weight-bounds.js";

export interface MinimumCvarOptions extends OptimiserOptions, RiskHorizon {
  /** Required annual return; applied as a constraint (D-16). */
  targetReturn?: number;
}

export interface MinimumCvarPortfolio extends OptimisedPortfolio {
  /** The minimised GBM CVaR, a loss fraction of the amount invested (§4.5, horizon applied once). */
  conditionalValueAtRisk: number;
}

const MAX_BISECTIONS = 200;

/**
 * The long-only, fully invested portfolio of least GBM conditional value at risk over `expiry` years at
 * tail probability `probability`.
 *
 * The loss 1 − e^{RT}·Φ(z_p − σ√T)/p falls with R and rises with σ, so the optimum lies on the efficient
 * frontier σ*(R) (each point an exact QP). There g(R) = RT + ln Φ(z_p − σ*(R)√T) is concave (σ* is convex,
 * ln Φ concave and increasing), and g′(R) = T − √T·(φ/Φ)(z_p − σ*√T)·γ/σ*, with γ = ∂(½σ*²)/∂R the QP's
 * target multiplier. Bisection on the sign of g′ between the minimum-variance return and the maximum
 * return finds the optimum to a few ulps of R. With a target return, the answer is the minimum-variance
 * portfolio at that return.
 */
export function minimumConditionalValueAtRisk(
  model: PortfolioModel,
  options: MinimumCvarOptions,
): MinimumCvarPortfolio {
  if (options === undefined || options === null || typeof options !== "object") {
    throw invalidInput(
      "minimumConditionalValueAtRisk needs { probability, expiry }, e.g. { probability: 0.05, expiry: 0.5 }.",
    );
  }
  checkRiskHorizon(options);
  const bounds = weightBounds(model.size, options.bounds);
  const solved =
    options.targetReturn === undefined
      ? searchFrontier(model, bounds, options)
      : solveMinimumVariance(model, bounds, options.targetReturn);
  const portfolio = optimisedPortfolio(model, solved.weights, bounds, solved.iterations, options.riskFreeRate);
  return {
    ...portfolio,
    conditionalValueAtRisk: portfolioConditionalValueAtRisk(model, portfolio.weights, options),
  };
}

function searchFrontier(
  model: PortfolioModel,
  bounds: WeightBounds,
  horizon: RiskHorizon,
): { weights: Float64Array; iterations: number } {
  const { expiry, probability } = horizon;
  const rootT = Math.sqrt(expiry);
  const zp = normalQuantile(probability);
  let iterations = 0;
  const slope = (target: number): number => {
    const point = solveMinimumVariance(model, bounds, target);
    iterations += point.iterations;
    const sigma = portfolioVolatility(model, point.weights);
    const a = zp - sigma * rootT;
    return expiry - rootT * (normalPdf(a) / normalCdf(a)) * (point.targetMultiplier / sigma);
  };
  const minimumVariance = solveMinimumVariance(model, bounds);
  iterations += minimumVariance.iterations;
  let low = portfolioReturn(model, minimumVariance.weights);
  let high = returnRangeWithin(model, bounds).maximum;
  // Bisect down to adjacent doubles: where the optimum sits on a kink of the frontier (an active set
  // changes) next to a nearly flat face, weights move by ΔR / (spread of μ on that face).
  const tolerance = 4 * Number.EPSILON * (Math.abs(low) + Math.abs(high));
  if (!(high - low > tolerance)) return { weights: minimumVariance.weights, iterations };
  for (let step = 0; ; step++) {
    const middle = 0.5 * (low + high);
    if (high - low <= tolerance || middle === low || middle === high) break;
    if (step === MAX_BISECTIONS) {
      throw new ScrillaError(
        "NOT_CONVERGED",
        `Minimum-CVaR search did not converge within ${MAX_BISECTIONS} bisections; check the statistics for extreme values.`,
        { low, high },
      );
    }
    if (slope(middle) > 0) low = middle;
    else high = middle;
  }
  const optimum = solveMinimumVariance(model, bounds, 0.5 * (low + high));
  return { weights: optimum.weights, iterations: iterations + optimum.iterations };
}
