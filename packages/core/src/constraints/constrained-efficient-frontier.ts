import { invalidInput, ScrillaError } from "../errors.js";
import { frontierSteps, frontierTarget } from "../portfolio/frontier-steps.js";
import { type OptimisedPortfolio, optimisedPortfolio } from "../portfolio/optimised-portfolio.js";
import type { PortfolioModel } from "../portfolio/portfolio-model.js";
import { solveConstrainedMeanVariance } from "./constrained-quadratic.js";
import { maximumAttainableReturn } from "./maximum-attainable-return.js";
import { type PortfolioConstraintsInput, portfolioConstraints } from "./portfolio-constraints.js";

export interface ConstrainedEfficientFrontierOptions {
  /** Number of portfolios (default 5), both ends included. */
  steps?: number;
  /** Bounds (shorting), budget, groups, linear rows, leverage and turnover caps; default long-only. */
  constraints?: PortfolioConstraintsInput;
  /** Annual risk-free rate for the reported Sharpe ratios. */
  riskFreeRate?: number;
}

/**
 * `steps` least-variance portfolios under the constraints at evenly spaced target returns
 * r_min + i·(r_max − r_min)/(steps − 1): from the constrained minimum-variance portfolio (r_min its return)
 * to the least-variance portfolio of the highest return the constraints allow (r_max, an LP solved by
 * HiGHS). Every point is the exact QP at its target (dual active set, L1 caps by exact cutting planes),
 * so the spacing matches `efficientFrontier`'s "inclusive" one, which this equals without constraints.
 */
export async function constrainedEfficientFrontier(
  model: PortfolioModel,
  options: ConstrainedEfficientFrontierOptions = {},
): Promise<OptimisedPortfolio[]> {
  const steps = frontierSteps(options.steps);
  const constraints = portfolioConstraints(model.size, options.constraints);
  const solveAt = (targetReturn: number | undefined) => {
    const solved = solveConstrainedMeanVariance(model, constraints, {
      varianceScale: 1,
      returnScale: 0,
      gamma: 0,
      ...(targetReturn !== undefined && { targetReturn }),
    });
    return optimisedPortfolio(model, solved.weights, constraints, solved.iterations, options.riskFreeRate);
  };
  // First, so that conflicting constraints are reported by name (the QP knows which one conflicts).
  const first = solveAt(undefined);
  const low = first.annualReturn;
  const high = Math.max(await highestReturn(model, constraints), low);
  const frontier = [first];
  for (let i = 1; i < steps; i++) {
    frontier.push(solveAt(frontierTarget(low, high, i, steps - 1)));
  }
  return frontier;
}

async function highestReturn(model: PortfolioModel, constraints: ReturnType<typeof portfolioConstraints>) {
  try {
    return await maximumAttainableReturn(constraints, model.annualReturns);
  } catch (error) {
    if (error instanceof ScrillaError && error.code === "NOT_CONVERGED") {
      throw invalidInput(
        `The LP solver found no finite maximum return under the constraints (${error.message}), so the frontier has no upper end; give every asset finite bounds or cap the leverage.`,
        { ...error.details },
      );
    }
    throw error;
  }
}
