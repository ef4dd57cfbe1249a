import { solveConstrainedMeanVariance } from "../constraints/constrained-quadratic.js";
import type { PortfolioConstraints } from "../constraints/portfolio-constraints.js";
import { solveWithTransactionCosts } from "../constraints/transaction-costs.js";
import { ScrillaError } from "../errors.js";
import { cholesky } from "../linalg/cholesky.js";
import type { PortfolioModel } from "../portfolio/portfolio-model.js";
import { solveLinearProgram } from "../solver/highs-solver.js";
import { portfolioScenarioReturns } from "./scenario-matrix.js";
import type { PreparedProblem } from "./scenario-optimisers.js";
import { baseProgram } from "./scenario-program.js";

const MAX_ROUNDS = 100;
const TIE = 1e-13;

/**
 * min (1/T)·Σ min(rₜᵀw − B, 0)² under the constraints (mean–semivariance, Markowitz 1959; Estrada 2008).
 * The objective is convex and continuously differentiable; on a fixed shortfall set S it is the quadratic
 * (1/T)·Σ_{t∈S}(rₜᵀw − B)², solved exactly by the dual active-set QP. Iterate S ← {t : rₜᵀw < B} until it
 * no longer changes (a semismooth Newton step per round); then w satisfies the KKT conditions of the true
 * objective, whose gradient equals the quadratic's there, so it is the optimum.
 */
export async function solveSemivariance(
  problem: PreparedProblem,
  targetReturn: number | undefined,
): Promise<Float64Array> {
  const settled = await solveOnShortfallSets(problem, targetReturn);
  if (settled) return settled;
  // Fewer independent shortfall scenarios than assets with a positive minimum: HiGHS' QP takes the whole
  // problem instead.
  return solveWithHighs(problem, targetReturn);
}

/**
 * Among the portfolios that never fall below the benchmark (rₜᵀw ≥ B for every t: semivariance 0, the
 * least possible), the one of highest expected return (an LP); undefined when there is none. Few of the T
 * rows bind, so they are generated as in the CVaR LP: start from the scenarios worst for `hint`, add every
 * violated one, re-solve; omitted rows only relax the LP, so the first solution violating none is optimal.
 */
async function zeroShortfallPortfolio(
  problem: PreparedProblem,
  targetReturn: number | undefined,
  hint: Float64Array,
): Promise<Float64Array | undefined> {
  const { scenarios, benchmark } = problem;
  const { periods: T, assets: n, returns } = scenarios;
  const included = new Uint8Array(T);
  const worst = Array.from(hint, (r, t) => ({ r, t })).sort((a, b) => a.r - b.r);
  for (const { t } of worst.slice(0, Math.min(T, 2 * n + 10))) included[t] = 1;
  const weights = Array.from({ length: n }, (_, i) => i);
  for (;;) {
    const program = baseProgram(problem.constraints, problem.expectedReturns, targetReturn);
    for (let t = 0; t < T; t++) {
      if (included[t])
        program.addRow(`scenario ${t}`, weights, returns.subarray(t * n, t * n + n), benchmark, Infinity);
    }
    const lp = program.build();
    for (let i = 0; i < n; i++) lp.cost[i] = -problem.expectedReturns[i]!;
    let w: Float64Array;
    try {
      w = (await solveLinearProgram({ ...lp, presolve: false })).x.slice(0, n);
    } catch (error) {
      // INFEASIBLE: every portfolio falls short somewhere; NOT_CONVERGED: unbounded shorts. The QP decides.
      if (error instanceof ScrillaError && (error.code === "INFEASIBLE" || error.code === "NOT_CONVERGED")) {
        return undefined;
      }
      throw error;
    }
    const portfolio = portfolioScenarioReturns(scenarios, w);
    let added = 0;
    for (let t = 0; t < T; t++) {
      if (!included[t] && portfolio[t]! < benchmark - TIE) {
        included[t] = 1;
        added++;
      }
    }
    if (added === 0) return semivarianceIsZero(portfolio, benchmark) ? w : undefined;
  }
}

/** Every scenario at or above the benchmark up to rounding (the LP's own feasibility tolerance). */
function semivarianceIsZero(portfolio: Float64Array, benchmark: number): boolean {
  return portfolio.every((r) => r >= benchmark - TIE);
}

/** The full QP: min (1/T)·Σdₜ² s.t. dₜ ≥ B − rₜᵀw, dₜ ≥ 0, over (w, d). */
async function solveWithHighs(problem: PreparedProblem, targetReturn: number | undefined): Promise<Float64Array> {
  const { periods: T, assets: n, returns } = problem.scenarios;
  const program = baseProgram(problem.constraints, problem.expectedReturns, targetReturn, problem.costs);
  const weights = Array.from({ length: n }, (_, i) => i);
  const first = program.columns;
  for (let t = 0; t < T; t++) {
    const d = program.addColumn(0, 0, Infinity);
    program.addRow(
      `scenario ${t}`,
      [...weights, d],
      [...returns.subarray(t * n, t * n + n), 1],
      problem.benchmark,
      Infinity,
    );
  }
  const columns = program.columns;
  const starts = new Int32Array(columns + 1);
  for (let j = 0; j < columns; j++) starts[j + 1] = starts[j]! + (j >= first ? 1 : 0);
  const hessian = {
    starts,
    indices: Int32Array.from({ length: T }, (_, t) => first + t),
    values: new Float64Array(T).fill(2 / T),
  };
  const solution = await solveLinearProgram(program.build(hessian));
  return solution.x.slice(0, n);
}

/** The exact optimum, or undefined when the shortfall sets do not settle (degenerate data). */
async function solveOnShortfallSets(
  problem: PreparedProblem,
  targetReturn: number | undefined,
): Promise<Float64Array | undefined> {
  const { scenarios, benchmark } = problem;
  const { periods: T, assets: n } = scenarios;
  const constraints = withTarget(problem, targetReturn);
  let shortfall = shortfallSet(portfolioScenarioReturns(scenarios, new Float64Array(n).fill(1 / n)), benchmark, n);
  // Without costs, a set that must be padded with scenarios above the benchmark hints that some portfolio
  // never falls short (semivariance 0, optimum not unique): one LP then settles it exactly.
  let triedZeroShortfall = problem.costs !== undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (shortfall.padded && !triedZeroShortfall) {
      triedZeroShortfall = true;
      const calm = await zeroShortfallPortfolio(problem, targetReturn, shortfall.portfolio);
      if (calm) return calm;
    }
    let model: PortfolioModel;
    try {
      model = quadraticOn(problem, shortfall.set);
    } catch (error) {
      if (error instanceof ScrillaError && error.code === "NOT_CONVERGED") return undefined;
      throw error;
    }
    const objective = { varianceScale: 1, returnScale: 1, gamma: 0 };
    const weights = (
      problem.costs
        ? solveWithTransactionCosts(model, constraints, objective, problem.costs)
        : solveConstrainedMeanVariance(model, constraints, objective)
    ).weights;
    const portfolio = portfolioScenarioReturns(scenarios, weights);
    let changed = false;
    for (let t = 0; t < T; t++) {
      const below = portfolio[t]! < benchmark;
      if (below !== (shortfall.set[t] === 1) && Math.abs(portfolio[t]! - benchmark) > TIE) changed = true;
    }
    if (!changed) return weights;
    shortfall = shortfallSet(portfolio, benchmark, n);
  }
  return undefined;
}

/**
 * Scenarios below the benchmark; at least n + 1 (the worst ones, `padded`) so that the quadratic is strictly
 * convex.
 */
function shortfallSet(
  portfolio: Float64Array,
  benchmark: number,
  n: number,
): { set: Uint8Array; padded: boolean; portfolio: Float64Array } {
  const set = new Uint8Array(portfolio.length);
  let count = 0;
  portfolio.forEach((r, t) => {
    if (r < benchmark) {
      set[t] = 1;
      count++;
    }
  });
  if (count > n) return { set, padded: false, portfolio };
  const order = Array.from(portfolio, (r, t) => ({ r, t })).sort((a, b) => a.r - b.r);
  for (const { t } of order.slice(0, Math.min(portfolio.length, n + 1))) set[t] = 1;
  return { set, padded: true, portfolio };
}

/** ½wᵀGw − cᵀw with G = (2/T)·Σ_S rₜrₜᵀ and c = (2B/T)·Σ_S rₜ, packaged as a model for the QP. */
function quadraticOn(problem: PreparedProblem, shortfall: Uint8Array): PortfolioModel {
  const { periods: T, assets: n, returns } = problem.scenarios;
  const g = new Float64Array(n * n);
  const linear = new Float64Array(n);
  for (let t = 0; t < T; t++) {
    if (!shortfall[t]) continue;
    const row = t * n;
    for (let i = 0; i < n; i++) {
      const ri = returns[row + i]!;
      linear[i] = linear[i]! + (2 * problem.benchmark * ri) / T;
      for (let j = 0; j <= i; j++) g[i * n + j] = g[i * n + j]! + (2 * ri * returns[row + j]!) / T;
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) g[j * n + i] = g[i * n + j]!;
  const factor = cholesky(g, n);
  if (!factor.ok) {
    throw new ScrillaError(
      "NOT_CONVERGED",
      "The shortfall scenarios do not determine every weight (their returns are linearly dependent); use more history.",
    );
  }
  return {
    size: n,
    annualReturns: linear,
    annualVolatilities: new Float64Array(n),
    covariance: g,
    covarianceFactor: factor.lower,
    covarianceRepair: undefined,
  };
}

function withTarget(problem: PreparedProblem, targetReturn: number | undefined): PortfolioConstraints {
  if (targetReturn === undefined) return problem.constraints;
  return {
    ...problem.constraints,
    rows: [
      ...problem.constraints.rows,
      { name: "target return", normal: problem.expectedReturns.map((v) => -v), bound: -targetReturn, sense: "le" },
    ],
  };
}
