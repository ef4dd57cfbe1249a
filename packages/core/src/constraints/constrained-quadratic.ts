import { ScrillaError } from "../errors.js";
import { cholesky } from "../linalg/cholesky.js";
import { solveQuadraticProgram } from "../portfolio/dual-active-set.js";
import type { PortfolioModel } from "../portfolio/portfolio-model.js";
import type { LinearConstraint, QuadraticProgram, QuadraticProgramSolution } from "../portfolio/quadratic-program.js";
import type { PortfolioConstraints } from "./portfolio-constraints.js";

/**
 * minimise ½·wᵀ(a·Σ + 2γ·I)w − b·μᵀw over the constrained weights, optionally with μᵀw = target:
 * a = 1, b = 0 is minimum variance; a = δ, b = 1 is quadratic utility μᵀw − (δ/2)·wᵀΣw.
 */
export interface MeanVarianceObjective {
  varianceScale: number;
  returnScale: number;
  /** L2 regularisation γ·‖w‖² (PyPortfolioOpt's gamma). */
  gamma: number;
  targetReturn?: number;
  /** Added to the linear term (e.g. the trading-cost slopes of one sign pattern). */
  linearShift?: Float64Array;
  /** Inequalities appended after the constraints' own (their multipliers start at `extraStart`). */
  extraInequalities?: readonly { constraint: LinearConstraint; name: string }[];
}

export interface ConstrainedSolution {
  weights: Float64Array;
  solution: QuadraticProgramSolution;
  /** Names of the constraints in solver order (equalities, then inequalities). */
  names: string[];
  iterations: number;
  /** Index in `solution.inequalityMultipliers` of the first of `objective.extraInequalities`. */
  extraStart: number;
}

const CUT_TOLERANCE = 1e-12;

/**
 * Solves the problem exactly with the dual active-set QP. The L1 caps (leverage Σ|wᵢ| ≤ L and turnover
 * Σ|wᵢ − w⁰ᵢ| ≤ T) are polyhedral: they equal the intersection of sᵀw ≤ L over sign vectors s. Only the
 * cut for the sign pattern of the current optimum can be violated most, so cuts are added one at a time
 * (Kelley's cutting planes on a finite family): each re-solve is exact, every cut is valid, and the first
 * optimum that satisfies the caps is the optimum of the full problem. Finite: no sign vector repeats.
 */
export function solveConstrainedMeanVariance(
  model: PortfolioModel,
  constraints: PortfolioConstraints,
  objective: MeanVarianceObjective,
): ConstrainedSolution {
  const n = model.size;
  const { problem, equalityNames, inequalityNames } = meanVarianceProgram(model, constraints, objective);
  const extraStart = inequalityNames.length;
  for (const extra of objective.extraInequalities ?? []) {
    problem.inequalities.push(extra.constraint);
    inequalityNames.push(extra.name);
  }
  const inequalities = [...problem.inequalities];
  let iterations = 0;
  for (let round = 0; ; round++) {
    const names = [...equalityNames, ...inequalityNames];
    const solution = solveNamed({ ...problem, inequalities }, names);
    iterations += solution.iterations;
    const cut = violatedCut(constraints, solution.x);
    if (!cut || round > 20 * n + 100) return { weights: solution.x, solution, names, iterations, extraStart };
    inequalities.push(cut.constraint);
    inequalityNames.push(cut.name);
  }
}

/** The QP of the objective under bounds, budget, target and rows (the L1 caps are left to the caller). */
export function meanVarianceProgram(
  model: PortfolioModel,
  constraints: PortfolioConstraints,
  objective: MeanVarianceObjective,
): {
  problem: QuadraticProgram & { inequalities: LinearConstraint[] };
  equalityNames: string[];
  inequalityNames: string[];
} {
  const n = model.size;
  const choleskyLower = hessianFactor(model, objective);
  const shift = objective.linearShift;
  const linear = model.annualReturns.map((m, i) => -objective.returnScale * m + (shift ? shift[i]! : 0));
  const equalities: LinearConstraint[] = [
    { kind: "dense", normal: new Float64Array(n).fill(1), bound: constraints.budget },
  ];
  const equalityNames = ["budget"];
  if (objective.targetReturn !== undefined) {
    equalities.push({ kind: "dense", normal: model.annualReturns, bound: objective.targetReturn });
    equalityNames.push("target return");
  }
  const inequalities: LinearConstraint[] = [];
  const inequalityNames: string[] = [];
  const allLong = constraints.lower.every((v) => v >= 0);
  for (let i = 0; i < n; i++) {
    const lower = constraints.lower[i]!;
    if (Number.isFinite(lower)) {
      inequalities.push({ kind: "unit", index: i, coefficient: 1, bound: lower });
      inequalityNames.push(`asset ${i} lower bound`);
    }
    const upper = constraints.upper[i]!;
    if (Number.isFinite(upper) && !(allLong && upper >= constraints.budget)) {
      inequalities.push({ kind: "unit", index: i, coefficient: -1, bound: -upper });
      inequalityNames.push(`asset ${i} upper bound`);
    }
  }
  for (const row of constraints.rows) {
    if (row.sense === "eq") {
      equalities.push({ kind: "dense", normal: row.normal, bound: row.bound });
      equalityNames.push(row.name);
    } else {
      inequalities.push({ kind: "dense", normal: row.normal.map((v) => -v), bound: -row.bound });
      inequalityNames.push(row.name);
    }
  }
  return {
    problem: { size: n, choleskyLower, linear, equalities, inequalities },
    equalityNames,
    inequalityNames,
  };
}

export function solveNamed(
  problem: Parameters<typeof solveQuadraticProgram>[0],
  names: string[],
): QuadraticProgramSolution {
  try {
    return solveQuadraticProgram(problem);
  } catch (error) {
    if (error instanceof ScrillaError && error.code === "INFEASIBLE" && typeof error.details?.constraint === "number") {
      const name = names[error.details.constraint] ?? "unknown";
      throw new ScrillaError(
        "INFEASIBLE",
        `The constraints admit no portfolio: "${name}" conflicts with the others; relax it or the constraints it meets.`,
        { constraint: name },
      );
    }
    throw error;
  }
}

/** The sign-pattern cut of a violated leverage or turnover cap, if any. */
function violatedCut(
  constraints: PortfolioConstraints,
  w: Float64Array,
): { constraint: LinearConstraint; name: string } | undefined {
  const n = w.length;
  if (constraints.leverage !== undefined) {
    const cap = constraints.leverage;
    let gross = 0;
    for (const v of w) gross += Math.abs(v);
    if (gross > cap + CUT_TOLERANCE * (1 + cap)) {
      const normal = w.map((v) => -Math.sign(v));
      return { constraint: { kind: "dense", normal, bound: -cap }, name: "leverage" };
    }
  }
  if (constraints.turnover) {
    const { current, max } = constraints.turnover;
    let traded = 0;
    for (let i = 0; i < n; i++) traded += Math.abs(w[i]! - current[i]!);
    if (traded > max + CUT_TOLERANCE * (1 + max)) {
      const normal = new Float64Array(n);
      let shift = 0;
      for (let i = 0; i < n; i++) {
        const sign = Math.sign(w[i]! - current[i]!);
        normal[i] = -sign;
        shift += sign * current[i]!;
      }
      return { constraint: { kind: "dense", normal, bound: -(max + shift) }, name: "turnover" };
    }
  }
  return undefined;
}

function hessianFactor(model: PortfolioModel, objective: MeanVarianceObjective): Float64Array {
  const n = model.size;
  const { varianceScale: a, gamma } = objective;
  if (gamma === 0) {
    if (a === 1) return model.covarianceFactor;
    const root = Math.sqrt(a);
    return model.covarianceFactor.map((v) => v * root);
  }
  const g = model.covariance.map((v) => v * a);
  for (let i = 0; i < n; i++) g[i * n + i] = g[i * n + i]! + 2 * gamma;
  const factor = cholesky(g, n);
  if (!factor.ok) throw new ScrillaError("NOT_CONVERGED", "The regularised covariance is not positive definite.");
  return factor.lower;
}
