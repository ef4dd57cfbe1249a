import { invalidInput, ScrillaError } from "../errors.js";
import { requireTargetAboveRiskFree } from "../portfolio/maximum-sharpe.js";
import { type OptimisedPortfolio, optimisedPortfolio } from "../portfolio/optimised-portfolio.js";
import type { PortfolioModel } from "../portfolio/portfolio-model.js";
import type { LinearConstraint } from "../portfolio/quadratic-program.js";
import { constrainedMinimumVariance } from "./constrained-optimisers.js";
import { solveConstrainedMeanVariance, solveNamed } from "./constrained-quadratic.js";
import {
  type PortfolioConstraints,
  type PortfolioConstraintsInput,
  portfolioConstraints,
} from "./portfolio-constraints.js";

export interface ConstrainedMaximumSharpeOptions {
  constraints?: PortfolioConstraintsInput;
  /** Annual risk-free rate (decimal), default 0. */
  riskFreeRate?: number;
  /** With a target return (above rf) the problem is the least-variance portfolio at that return. */
  targetReturn?: number;
}

const CUT_TOLERANCE = 1e-12;

/**
 * The portfolio of highest Sharpe ratio (μᵀw − rf)/σ(w) under any of the constraints (bounds with shorts,
 * groups, linear rows, leverage and turnover caps); exact. Charnes–Cooper: with y = κw, κ = Σy > 0 (the
 * budget Σw = 1 made homogeneous), the problem is the convex QP
 *   min ½yᵀΣy  s.t.  (μ − rf·1)ᵀy = 1,  Σy ≥ 0,  lᵢΣy ≤ yᵢ ≤ uᵢΣy,  aᵀy ≤ β·Σy (each row aᵀw ≤ β),
 *   Σ|yᵢ| ≤ L·Σy,  Σ|yᵢ − w⁰ᵢΣy| ≤ τ·Σy,
 * every constraint being positively homogeneous; the L1 caps enter by exact cutting planes as in the other
 * QPs. Then w = y/Σy (Cornuéjols & Tütüncü, "Optimization Methods in Finance", 2007, §8.2).
 * Market-neutral budgets (Σw = 0) have no Sharpe ratio in this form (INVALID_INPUT); when no admissible
 * portfolio returns more than rf, the ratio has no positive maximum (INFEASIBLE).
 */
export function constrainedMaximumSharpe(
  model: PortfolioModel,
  options: ConstrainedMaximumSharpeOptions = {},
): OptimisedPortfolio {
  const riskFreeRate = options.riskFreeRate ?? 0;
  if (typeof riskFreeRate !== "number" || !Number.isFinite(riskFreeRate)) {
    throw invalidInput(`The risk-free rate must be a finite decimal (e.g. 0.02), got ${riskFreeRate}.`);
  }
  const constraints = portfolioConstraints(model.size, options.constraints);
  if (constraints.budget !== 1) {
    throw invalidInput(
      constraints.budget === 0
        ? "A market-neutral portfolio (Σw = 0) has no Sharpe ratio (μᵀw − rf)/σ: it invests no capital. Use maximumQuadraticUtility or a target return instead."
        : `Maximum Sharpe needs a fully invested budget Σw = 1, got ${constraints.budget}; rescale the bounds and caps.`,
      { constraint: "budget" },
    );
  }
  if (options.targetReturn !== undefined) {
    requireTargetAboveRiskFree(options.targetReturn, riskFreeRate);
    return constrainedMinimumVariance(model, {
      ...(options.constraints && { constraints: options.constraints }),
      targetReturn: options.targetReturn,
      riskFreeRate,
    });
  }
  const { problem, names } = homogeneousProgram(model, constraints, riskFreeRate);
  let iterations = 0;
  for (let round = 0; ; round++) {
    let solution: ReturnType<typeof solveNamed>;
    try {
      solution = solveNamed(problem, names);
    } catch (error) {
      if (error instanceof ScrillaError && error.code === "INFEASIBLE") {
        // Either the constraints admit no portfolio at all (that solve names the conflict) or none beats rf.
        solveConstrainedMeanVariance(model, constraints, { varianceScale: 1, returnScale: 0, gamma: 0 });
        throw new ScrillaError(
          "INFEASIBLE",
          `No portfolio within the constraints returns more than the risk-free rate ${riskFreeRate}, so the maximum Sharpe ratio is undefined; lower the rate or relax the constraints.`,
          { riskFreeRate },
        );
      }
      throw error;
    }
    iterations += solution.iterations;
    const y = solution.x;
    let kappa = 0;
    for (const v of y) kappa += v;
    if (!(kappa > 0)) {
      throw new ScrillaError(
        "INFEASIBLE",
        "The Sharpe ratio grows without bound along a zero-cost direction (unbounded shorts); bound the weights.",
      );
    }
    const cut = violatedHomogeneousCut(constraints, y, kappa);
    if (!cut || round > 20 * model.size + 100) {
      const weights = y.map((v) => v / kappa);
      return optimisedPortfolio(model, weights, constraints, iterations, riskFreeRate);
    }
    problem.inequalities.push(cut.constraint);
    names.push(cut.name);
  }
}

function homogeneousProgram(model: PortfolioModel, constraints: PortfolioConstraints, riskFreeRate: number) {
  const n = model.size;
  const ones = new Float64Array(n).fill(1);
  const equalities: LinearConstraint[] = [
    { kind: "dense", normal: model.annualReturns.map((m) => m - riskFreeRate), bound: 1 },
  ];
  const equalityNames = ["excess return"];
  const inequalities: LinearConstraint[] = [{ kind: "dense", normal: ones, bound: 0 }];
  const inequalityNames = ["budget"];
  /** (coefficient·1 + sign·eᵢ)ᵀy ≥ 0 for yᵢ ≥ lΣy (sign 1, coefficient −l) and yᵢ ≤ uΣy (sign −1, coefficient u). */
  const homogeneousBound = (i: number, coefficient: number, sign: 1 | -1, name: string) => {
    if (coefficient === 0) inequalities.push({ kind: "unit", index: i, coefficient: sign, bound: 0 });
    else {
      const normal = new Float64Array(n).fill(coefficient);
      normal[i] = normal[i]! + sign;
      inequalities.push({ kind: "dense", normal, bound: 0 });
    }
    inequalityNames.push(name);
  };
  // With every weight ≥ 0 and Σw = 1, an upper bound ≥ 1 can never bind.
  const allLong = constraints.lower.every((v) => v >= 0);
  for (let i = 0; i < n; i++) {
    const lower = constraints.lower[i]!;
    if (Number.isFinite(lower)) homogeneousBound(i, -lower, 1, `asset ${i} lower bound`);
    const upper = constraints.upper[i]!;
    if (Number.isFinite(upper) && !(allLong && upper >= 1)) homogeneousBound(i, upper, -1, `asset ${i} upper bound`);
  }
  for (const row of constraints.rows) {
    // aᵀw ≤ β ⇔ (β·1 − a)ᵀy ≥ 0; equalities (a − β·1)ᵀy = 0.
    const normal = row.normal.map((a) => row.bound - a);
    if (row.sense === "eq") {
      equalities.push({ kind: "dense", normal, bound: 0 });
      equalityNames.push(row.name);
    } else {
      inequalities.push({ kind: "dense", normal, bound: 0 });
      inequalityNames.push(row.name);
    }
  }
  return {
    problem: { size: n, choleskyLower: model.covarianceFactor, linear: new Float64Array(n), equalities, inequalities },
    names: [...equalityNames, ...inequalityNames],
  };
}

/** The sign-pattern cut of a violated homogeneous leverage or turnover cap, if any. */
function violatedHomogeneousCut(
  constraints: PortfolioConstraints,
  y: Float64Array,
  kappa: number,
): { constraint: LinearConstraint; name: string } | undefined {
  const n = y.length;
  if (constraints.leverage !== undefined) {
    const cap = constraints.leverage;
    let gross = 0;
    for (const v of y) gross += Math.abs(v);
    if (gross > (cap + CUT_TOLERANCE * (1 + cap)) * kappa) {
      // sᵀy ≤ L·Σy ⇔ (L·1 − s)ᵀy ≥ 0.
      const normal = y.map((v) => cap - Math.sign(v));
      return { constraint: { kind: "dense", normal, bound: 0 }, name: "leverage" };
    }
  }
  if (constraints.turnover) {
    const { current, max } = constraints.turnover;
    let traded = 0;
    for (let i = 0; i < n; i++) traded += Math.abs(y[i]! - kappa * current[i]!);
    if (traded > (max + CUT_TOLERANCE * (1 + max)) * kappa) {
      // sᵀ(y − w⁰·Σy) ≤ τ·Σy ⇔ ((τ + sᵀw⁰)·1 − s)ᵀy ≥ 0.
      const signs = Float64Array.from({ length: n }, (_, i) => Math.sign(y[i]! - kappa * current[i]!));
      let shift = 0;
      for (let i = 0; i < n; i++) shift += signs[i]! * current[i]!;
      const normal = signs.map((s) => max + shift - s);
      return { constraint: { kind: "dense", normal, bound: 0 }, name: "turnover" };
    }
  }
  return undefined;
}
