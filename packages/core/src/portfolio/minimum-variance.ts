import { attainableTarget, returnRangeWithin } from "./attainable-returns.js";
import { solveBoundedQuadraticProgram } from "./bound-active-set.js";
import { solveQuadraticProgram } from "./dual-active-set.js";
import { type OptimisedPortfolio, type OptimiserOptions, optimisedPortfolio } from "./optimised-portfolio.js";
import type { PortfolioModel } from "./portfolio-model.js";
import type { LinearConstraint } from "./quadratic-program.js";
import { type WeightBounds, weightBounds } from "./weight-bounds.js";

const DEGENERATE_RANGE = 1e-9;

export interface MinimumVarianceOptions extends OptimiserOptions {
  /** Required annual return R(w) = target; `INFEASIBLE` (with the attainable range) when out of reach. */
  targetReturn?: number;
}

/** The long-only, fully invested portfolio of least volatility (optionally at a target return), exactly. */
export function minimumVariance(model: PortfolioModel, options: MinimumVarianceOptions = {}): OptimisedPortfolio {
  const bounds = weightBounds(model.size, options.bounds);
  const solved = solveMinimumVariance(model, bounds, options.targetReturn);
  return optimisedPortfolio(model, solved.weights, bounds, solved.iterations, options.riskFreeRate);
}

export interface MinimumVarianceSolution {
  weights: Float64Array;
  /** ∂(½σ²)/∂target: the multiplier of the return constraint (0 without a target). */
  targetMultiplier: number;
  iterations: number;
}

/**
 * min ½wᵀΣw s.t. Σw = 1, μᵀw = target (optional), lower ≤ w ≤ upper — a strictly convex QP. Solved by the
 * primal–dual active set method on the bounds (a few steps at any size), or, where that cannot certify
 * its answer, by the dual active-set method (one step per binding bound).
 */
export function solveMinimumVariance(
  model: PortfolioModel,
  bounds: WeightBounds,
  targetReturn?: number,
): MinimumVarianceSolution {
  const n = model.size;
  const equalities: { kind: "dense"; normal: Float64Array; bound: number }[] = [
    { kind: "dense", normal: new Float64Array(n).fill(1), bound: 1 },
  ];
  if (targetReturn !== undefined) {
    const range = returnRangeWithin(model, bounds);
    const target = attainableTarget(targetReturn, range);
    // When all attainable returns lie within 1e-9 of each other the target is met by any budget-feasible
    // portfolio, and as a constraint it would be numerically dependent on the budget.
    if (range.maximum - range.minimum > DEGENERATE_RANGE * (1 + Math.abs(range.maximum))) {
      equalities.push({ kind: "dense", normal: model.annualReturns, bound: target });
    }
  }
  const fast = solveBoundedQuadraticProgram({
    size: n,
    hessian: model.covariance,
    choleskyLower: model.covarianceFactor,
    linear: new Float64Array(n),
    equalities,
    lower: bounds.lower,
    upper: bounds.upper,
  });
  if (fast) {
    return { weights: fast.x, targetMultiplier: fast.equalityMultipliers[1] ?? 0, iterations: fast.iterations };
  }
  const solution = solveQuadraticProgram({
    size: n,
    choleskyLower: model.covarianceFactor,
    linear: new Float64Array(n),
    equalities,
    inequalities: boundConstraints(bounds),
  });
  return {
    weights: solution.x,
    targetMultiplier: solution.equalityMultipliers[1] ?? 0,
    iterations: solution.iterations,
  };
}

/** lower ≤ w ≤ upper as unit constraints; an upper bound of 1 is implied by the budget and omitted. */
export function boundConstraints(bounds: WeightBounds): LinearConstraint[] {
  const constraints: LinearConstraint[] = [];
  bounds.lower.forEach((lower, index) => {
    constraints.push({ kind: "unit", index, coefficient: 1, bound: lower });
  });
  bounds.upper.forEach((upper, index) => {
    if (upper < 1) constraints.push({ kind: "unit", index, coefficient: -1, bound: -upper });
  });
  return constraints;
}
