import { invalidInput, ScrillaError } from "../errors.js";
import { returnRangeWithin } from "./attainable-returns.js";
import { solveQuadraticProgram } from "./dual-active-set.js";
import { solveMinimumVariance } from "./minimum-variance.js";
import { type OptimisedPortfolio, type OptimiserOptions, optimisedPortfolio } from "./optimised-portfolio.js";
import type { PortfolioModel } from "./portfolio-model.js";
import type { LinearConstraint } from "./quadratic-program.js";
import { type WeightBounds, weightBounds } from "./weight-bounds.js";

export interface MaximumSharpeOptions extends OptimiserOptions {
  /** Annual risk-free rate (decimal), e.g. the Treasury rate of spec §3.4 (D-15). Default 0. */
  riskFreeRate?: number;
  /** With a target return the problem is the minimum-variance portfolio at that return (target > rf). */
  targetReturn?: number;
}

/**
 * The long-only, fully invested portfolio of highest Sharpe ratio (R − rf)/σ, solved exactly through the
 * Charnes–Cooper transform y = w/κ: min ½yᵀΣy s.t. (μ − rf)ᵀy = 1, y ≥ 0 and the bounds made
 * homogeneous (yᵢ ≥ lᵢ·Σy, yᵢ ≤ uᵢ·Σy); then w = y/Σy. `INFEASIBLE` when no portfolio beats rf.
 */
export function maximumSharpe(model: PortfolioModel, options: MaximumSharpeOptions = {}): OptimisedPortfolio {
  const riskFreeRate = options.riskFreeRate ?? 0;
  if (typeof riskFreeRate !== "number" || !Number.isFinite(riskFreeRate)) {
    throw invalidInput(`maximumSharpe needs a finite riskFreeRate (decimal, e.g. 0.0159), got ${riskFreeRate}.`);
  }
  const bounds = weightBounds(model.size, options.bounds);
  const range = returnRangeWithin(model, bounds);
  if (!(range.maximum > riskFreeRate)) {
    throw new ScrillaError(
      "INFEASIBLE",
      `No portfolio beats the risk-free rate ${riskFreeRate}: the highest attainable annual return is ${range.maximum}, so the maximum Sharpe ratio is undefined; use minimumVariance or lower the rate.`,
      { riskFreeRate, maximumReturn: range.maximum },
    );
  }
  if (options.targetReturn !== undefined) {
    requireTargetAboveRiskFree(options.targetReturn, riskFreeRate);
    const solved = solveMinimumVariance(model, bounds, options.targetReturn);
    return optimisedPortfolio(model, solved.weights, bounds, solved.iterations, riskFreeRate);
  }
  const solved = solveCharnesCooper(model, bounds, riskFreeRate);
  return optimisedPortfolio(model, solved.weights, bounds, solved.iterations, riskFreeRate);
}

/** A maximum-Sharpe portfolio at a target return is the least-variance one there, if the target beats rf. */
export function requireTargetAboveRiskFree(targetReturn: number, riskFreeRate: number): void {
  if (!(targetReturn > riskFreeRate)) {
    throw new ScrillaError(
      "INFEASIBLE",
      `A maximum-Sharpe portfolio at target return ${targetReturn} needs the target above the risk-free rate ${riskFreeRate}.`,
      { riskFreeRate, targetReturn },
    );
  }
}

function solveCharnesCooper(
  model: PortfolioModel,
  bounds: WeightBounds,
  riskFreeRate: number,
): { weights: Float64Array; iterations: number } {
  const n = model.size;
  const excess = model.annualReturns.map((value) => value - riskFreeRate);
  const inequalities: LinearConstraint[] = [];
  for (let i = 0; i < n; i++) {
    inequalities.push({ kind: "unit", index: i, coefficient: 1, bound: 0 });
    const lower = bounds.lower[i]!;
    if (lower > 0) inequalities.push({ kind: "dense", normal: homogeneousBound(n, i, lower, 1), bound: 0 });
    const upper = bounds.upper[i]!;
    if (upper < 1) inequalities.push({ kind: "dense", normal: homogeneousBound(n, i, upper, -1), bound: 0 });
  }
  const solution = solveQuadraticProgram({
    size: n,
    choleskyLower: model.covarianceFactor,
    linear: new Float64Array(n),
    equalities: [{ kind: "dense", normal: excess, bound: 1 }],
    inequalities,
  });
  const y = solution.x;
  const kappa = y.reduce((sum, value) => sum + Math.max(value, 0), 0);
  return { weights: y.map((value) => Math.max(value, 0) / kappa), iterations: solution.iterations };
}

/** Normal of sign·(yᵢ − bound·Σy) ≥ 0. */
function homogeneousBound(n: number, i: number, bound: number, sign: 1 | -1): Float64Array {
  const normal = new Float64Array(n).fill(-sign * bound);
  normal[i] = sign * (1 - bound);
  return normal;
}
