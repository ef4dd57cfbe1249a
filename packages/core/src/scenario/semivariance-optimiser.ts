import { solveConstrainedMeanVariance } from "../constraints/constrained-quadratic.js";
import type { PortfolioConstraints } from "../constraints/portfolio-constraints.js";
import { solveWithTransactionCosts } from "../constraints/transaction-costs.js";
import { ScrillaError } from "../errors.js";
import { cholesky } from "../linalg/cholesky.js";
import type { PortfolioModel } from "../portfolio/portfolio-model.js";
import { solveLinearProgram } from "../solver/highs-solver.js";
import { portfolioScenarioReturns, type ScenarioMatrix } from "./scenario-matrix.js";
import type { PreparedProblem } from "./scenario-optimisers.js";
import { baseProgram } from "./scenario-program.js";
import { semivarianceStep } from "./semivariance-line-search.js";

const MAX_ROUNDS = 200;
const TIE = 1e-13;
/** Smallest pivot², relative to the largest diagonal entry, for a shortfall quadratic to count as strictly convex. */
const WELL_POSED = 1e-6;
/** ρ of the proximal term, and the KKT residual accepted from it, relative to the scale of the quadratic. */
const PROXIMAL = 1e-4;
const STATIONARY = 1e-10;

/**
 * min φ(w) = (1/T)·Σ min(rₜᵀw − B, 0)² (+ trading costs) under the constraints (mean–semivariance, Markowitz
 * 1959; Estrada 2008). φ is convex and, costs aside, continuously differentiable; on a fixed shortfall set S
 * it is the quadratic q_S(w) = (1/T)·Σ_{t∈S}(rₜᵀw − B)², solved exactly by the dual active-set QP.
 * A damped semismooth Newton method: at the iterate w, S = {t : rₜᵀw < B}; the QP's optimum ŵ of q_S is
 * returned as soon as its own shortfall set is S (up to ties), for then ∇φ(ŵ) = ∇q_S(ŵ) and ŵ satisfies the
 * KKT conditions of φ itself. Otherwise the step goes to the minimum of φ on the segment [w, ŵ]: q_S and φ
 * share their gradient at w, so ŵ − w is a descent direction of φ and φ falls at every round (no cycling,
 * unlike the undamped iteration ŵ → w). Near the optimum w*, every S between {t : rₜᵀw* < B} and its ties
 * has w* as the optimum of q_S, so the last step lands on w* exactly. When q_S is not safely strictly convex,
 * equality rows (budget, …) are added to it as ρ·(aᵀw − b)², zero with zero gradient on the feasible set
 * (no optimum changes); when even that fails (fewer shortfall scenarios than free weights), the step
 * minimises q_S + (ρ/2)·‖w − w_k‖², ρ = 10⁻⁴ of the scale of q_S: still a descent direction, and its optimum
 * ŵ misses the KKT conditions of φ by ρ·(ŵ − w_k) only, so it is returned once that is below 10⁻¹⁰ of the
 * scale; while ŵ keeps the shortfall set these are proximal-point steps on φ itself.
 */
export async function solveSemivariance(
  problem: PreparedProblem,
  targetReturn: number | undefined,
): Promise<Float64Array> {
  const { scenarios, benchmark, costs } = problem;
  const { periods: T, assets: n } = scenarios;
  const constraints = withTarget(problem, targetReturn);
  let iterate: Float64Array | undefined;
  let portfolio = portfolioScenarioReturns(scenarios, new Float64Array(n).fill(1 / n));
  // Without costs, few scenarios below the benchmark hint that some portfolio never falls short
  // (semivariance 0, optimum not unique): one LP then settles it exactly.
  let triedZeroShortfall = costs !== undefined;
  const scale = quadraticScale(scenarios);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const shortfall = Uint8Array.from(portfolio, (r) => (r < benchmark ? 1 : 0));
    if (!triedZeroShortfall && shortfall.reduce((s, v) => s + v, 0) <= n) {
      triedZeroShortfall = true;
      const calm = await zeroShortfallPortfolio(problem, targetReturn, portfolio);
      if (calm) return calm;
    }
    const newton =
      quadraticOn(problem, shortfall, scale, { equalities: false }) ??
      quadraticOn(problem, shortfall, scale, { equalities: true });
    const centre = iterate ?? new Float64Array(n).fill(1 / n);
    const model = newton ?? quadraticOn(problem, shortfall, scale, { centre, equalities: false });
    if (!model) {
      throw new ScrillaError(
        "NOT_CONVERGED",
        "The scenarios do not determine every weight (their returns are linearly dependent); use more history.",
      );
    }
    const objective = { varianceScale: 1, returnScale: 1, gamma: 0 };
    const candidate = (
      costs
        ? solveWithTransactionCosts(model, constraints, objective, costs)
        : solveConstrainedMeanVariance(model, constraints, objective)
    ).weights;
    const candidatePortfolio = portfolioScenarioReturns(scenarios, candidate);
    const proximalResidual = newton ? 0 : PROXIMAL * scale * maxDistance(candidate, centre);
    if (proximalResidual <= STATIONARY * scale && sameShortfall(candidatePortfolio, shortfall, benchmark)) {
      return candidate;
    }
    // A proximal step whose shortfall set is S stays where φ = q_S (each rₜᵀw − B keeps its sign along the
    // segment), so it is an exact proximal-point step on φ, taken in full unless the QP's trading-cost walk
    // stopped short at a degenerate point and φ would rise.
    if (
      !iterate ||
      (!newton &&
        sameShortfall(candidatePortfolio, shortfall, benchmark) &&
        objectiveAt(problem, candidate, candidatePortfolio) <= objectiveAt(problem, iterate, portfolio))
    ) {
      iterate = candidate;
      portfolio = candidatePortfolio;
      continue;
    }
    const move = candidate.map((v, i) => v - iterate![i]!);
    const direction = candidatePortfolio.map((v, t) => v - portfolio[t]!);
    const step = semivarianceStep(portfolio, direction, benchmark, iterate, move, costs);
    // φ cannot fall along a direction sharing its gradient: w is optimal up to rounding (degenerate data:
    // shortfalls of a few 1e-13, or a trading-cost walk stopped at a degenerate point).
    if (step === 0) return iterate;
    iterate = iterate.map((v, i) => v + step * move[i]!);
    portfolio = portfolioScenarioReturns(scenarios, iterate);
  }
  throw new ScrillaError(
    "NOT_CONVERGED",
    `The mean–semivariance iteration over ${T} scenarios stopped improving before reaching an optimum; please report the data.`,
  );
}

/** φ(w): the semivariance plus the trading costs. */
function objectiveAt(problem: PreparedProblem, weights: Float64Array, portfolio: Float64Array): number {
  let total = 0;
  for (const r of portfolio) total += Math.min(r - problem.benchmark, 0) ** 2;
  total /= portfolio.length;
  const { costs } = problem;
  for (let i = 0; costs && i < weights.length; i++) {
    total += costs.rates[i]! * Math.abs(weights[i]! - costs.current[i]!);
  }
  return total;
}

/** True when every scenario falls short exactly where `shortfall` says, ties (|rₜᵀw − B| ≤ TIE) either way. */
function sameShortfall(portfolio: Float64Array, shortfall: Uint8Array, benchmark: number): boolean {
  return portfolio.every((r, t) => r < benchmark === (shortfall[t] === 1) || Math.abs(r - benchmark) <= TIE);
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

/** Mean squared return per asset, times 2: the size of the quadratic's Hessian entries, for relative tolerances. */
function quadraticScale(scenarios: ScenarioMatrix): number {
  let scale = 0;
  for (const r of scenarios.returns) scale += r * r;
  return (2 * scale) / scenarios.returns.length || 1;
}

function maxDistance(a: Float64Array, b: Float64Array): number {
  let largest = 0;
  for (let i = 0; i < a.length; i++) largest = Math.max(largest, Math.abs(a[i]! - b[i]!));
  return largest;
}

/**
 * ½wᵀGw − cᵀw for q_S, plus (ρ/2)·‖w − centre‖² when a proximal centre is given, plus ρ·(aᵀw − b)² per
 * equality row if asked (only when needed: the term worsens the QP's conditioning); undefined when G is not
 * safely positive definite.
 */
function quadraticOn(
  problem: PreparedProblem,
  shortfall: Uint8Array,
  scale: number,
  { centre, equalities }: { centre?: Float64Array; equalities: boolean },
): PortfolioModel | undefined {
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
  if (centre) {
    for (let i = 0; i < n; i++) {
      g[i * n + i] = g[i * n + i]! + PROXIMAL * scale;
      linear[i] = linear[i]! + PROXIMAL * scale * centre[i]!;
    }
  }
  const { constraints } = problem;
  const rows = [
    { normal: new Float64Array(n).fill(1), bound: constraints.budget },
    ...constraints.rows.filter((r) => r.sense === "eq"),
  ];
  for (const { normal, bound } of equalities ? rows : []) {
    const norm2 = normal.reduce((s, v) => s + v * v, 0);
    if (!(norm2 > 0)) continue;
    const weight = (2 * scale) / norm2;
    for (let i = 0; i < n; i++) {
      linear[i] = linear[i]! + weight * bound * normal[i]!;
      for (let j = 0; j <= i; j++) g[i * n + j] = g[i * n + j]! + weight * normal[i]! * normal[j]!;
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) g[j * n + i] = g[i * n + j]!;
  const factor = cholesky(g, n);
  if (!factor.ok) return undefined;
  let largest = 0;
  let smallest = Infinity;
  for (let i = 0; i < n; i++) {
    largest = Math.max(largest, g[i * n + i]!);
    smallest = Math.min(smallest, factor.lower[i * n + i]! ** 2);
  }
  if (!(smallest > WELL_POSED * largest)) return undefined;
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
