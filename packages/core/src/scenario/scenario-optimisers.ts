import { maximumAttainableReturn } from "../constraints/maximum-attainable-return.js";
import { type PortfolioConstraintsInput, portfolioConstraints } from "../constraints/portfolio-constraints.js";
import {
  type TransactionCosts,
  type TransactionCostsInput,
  transactionCosts,
} from "../constraints/transaction-costs.js";
import { invalidInput } from "../errors.js";
import { frontierSteps, frontierTarget } from "../portfolio/frontier-steps.js";
import { solveLinearProgram } from "../solver/highs-solver.js";
import {
  portfolioScenarioReturns,
  type ScenarioInput,
  type ScenarioMatrix,
  scenarioMatrix,
  scenarioMeans,
} from "./scenario-matrix.js";
import { baseProgram, infeasibleScenarioProblem } from "./scenario-program.js";
import { solveSemivariance } from "./semivariance-optimiser.js";
import {
  checkConfidence,
  conditionalDrawdownAtRisk,
  historicalConditionalValueAtRisk,
  semivariance,
} from "./tail-measures.js";

/**
 * Risk measured on the scenarios themselves (no distribution assumed) — not to be confused with the GBM
 * (parametric) CVaR of `minimumConditionalValueAtRisk`:
 * - "cvar-historical": mean loss in the worst (1 − β) share of scenarios (Rockafellar & Uryasev 2000);
 * - "cdar": mean of the worst (1 − β) share of drawdowns (Chekhlov, Uryasev & Zabarankin 2005);
 * - "semivariance": mean squared shortfall below a benchmark return (Markowitz 1959).
 */
export type ScenarioRiskMeasure = "cvar-historical" | "cdar" | "semivariance";

export const SCENARIO_RISK_MEASURES: readonly ScenarioRiskMeasure[] = ["cvar-historical", "cdar", "semivariance"];

export interface ScenarioOptimiserOptions {
  constraints?: PortfolioConstraintsInput;
  /** β of CVaR and CDaR (default 0.95). */
  confidence?: number;
  /** Per-period expected return floor: μᵀw ≥ target. */
  targetReturn?: number;
  /** Per-period expected returns μ (default: the scenario means). */
  expectedReturns?: ArrayLike<number>;
  /** Per-period benchmark B of the semivariance (default 0). */
  benchmark?: number;
  /** Proportional costs Σ cᵢ|wᵢ − w⁰ᵢ| added to the (per-period) risk being minimised; exact. */
  transactionCosts?: TransactionCostsInput;
}

export interface ScenarioPortfolio {
  measure: ScenarioRiskMeasure;
  weights: Float64Array;
  /** μᵀw per period. */
  expectedReturn: number;
  /** The risk measure of the optimal weights, per period, recomputed from the scenarios. */
  risk: number;
}

/** The portfolio of least scenario risk (optionally with μᵀw ≥ target) under the constraints; exact LP/QP. */
export async function minimumScenarioRisk(
  input: ScenarioInput,
  measure: ScenarioRiskMeasure,
  options: ScenarioOptimiserOptions = {},
): Promise<ScenarioPortfolio> {
  const problem = prepare(input, measure, options);
  return solveAt(problem, options.targetReturn);
}

export interface ScenarioFrontierOptions extends ScenarioOptimiserOptions {
  /** Number of portfolios from the minimum-risk one to the maximum-return one (default 5). */
  steps?: number;
}

/** Minimum-risk portfolios at evenly spaced return floors from the minimum-risk return to the maximum return. */
export async function scenarioEfficientFrontier(
  input: ScenarioInput,
  measure: ScenarioRiskMeasure,
  options: ScenarioFrontierOptions = {},
): Promise<ScenarioPortfolio[]> {
  const steps = frontierSteps(options.steps);
  const problem = prepare(input, measure, options);
  const first = await solveAt(problem, undefined);
  const highest = await maximumExpectedReturn(problem);
  const low = first.expectedReturn;
  const high = Math.max(highest, low);
  const frontier = [first];
  for (let k = 1; k < steps; k++) {
    frontier.push(await solveAt(problem, frontierTarget(low, high, k, steps - 1)));
  }
  return frontier;
}

export interface PreparedProblem {
  scenarios: ScenarioMatrix;
  measure: ScenarioRiskMeasure;
  constraints: ReturnType<typeof portfolioConstraints>;
  expectedReturns: Float64Array;
  confidence: number;
  benchmark: number;
  costs: TransactionCosts | undefined;
}

function prepare(
  input: ScenarioInput,
  measure: ScenarioRiskMeasure,
  options: ScenarioOptimiserOptions,
): PreparedProblem {
  if (!SCENARIO_RISK_MEASURES.includes(measure)) {
    throw invalidInput(`Unknown scenario risk measure "${measure}"; use one of ${SCENARIO_RISK_MEASURES.join(", ")}.`);
  }
  const scenarios = scenarioMatrix(input);
  const n = scenarios.assets;
  const expectedReturns = options.expectedReturns
    ? Float64Array.from(options.expectedReturns)
    : scenarioMeans(scenarios);
  if (expectedReturns.length !== n) throw invalidInput(`expectedReturns needs one value per asset (${n}).`);
  const benchmark = options.benchmark ?? 0;
  if (!Number.isFinite(benchmark))
    throw invalidInput(`benchmark must be a finite per-period return, got ${benchmark}.`);
  return {
    scenarios,
    measure,
    constraints: portfolioConstraints(n, options.constraints),
    expectedReturns,
    confidence: checkConfidence(options.confidence ?? 0.95),
    benchmark,
    costs: options.transactionCosts && transactionCosts(n, options.transactionCosts),
  };
}

async function solveAt(problem: PreparedProblem, targetReturn: number | undefined): Promise<ScenarioPortfolio> {
  const { scenarios, measure, expectedReturns, confidence, benchmark } = problem;
  const n = scenarios.assets;
  if (targetReturn !== undefined && !Number.isFinite(targetReturn)) {
    throw invalidInput(`targetReturn must be a finite number, got ${targetReturn}.`);
  }
  let weights: Float64Array;
  try {
    weights =
      measure === "cvar-historical"
        ? await solveCvarByScenarioGeneration(problem, targetReturn)
        : measure === "cdar"
          ? await solveCdar(problem, targetReturn)
          : await solveSemivariance(problem, targetReturn);
  } catch (error) {
    infeasibleScenarioProblem(error, targetReturn);
  }
  let expectedReturn = 0;
  for (let i = 0; i < n; i++) expectedReturn += expectedReturns[i]! * weights[i]!;
  const risk =
    measure === "cvar-historical"
      ? historicalConditionalValueAtRisk(scenarios, weights, confidence)
      : measure === "cdar"
        ? conditionalDrawdownAtRisk(scenarios, weights, confidence)
        : semivariance(scenarios, weights, benchmark);
  return { measure, weights, expectedReturn, risk };
}

/**
 * Rockafellar–Uryasev: min α + 1/((1−β)T)·Σuₜ, uₜ ≥ −rₜᵀw − α, uₜ ≥ 0. Only scenarios in or near the tail
 * bind, so the rows are generated: solve with a subset, add every scenario whose loss exceeds α, repeat.
 * Leaving a row out only relaxes the LP, so the first solution that violates no omitted row is the optimum
 * of the full LP (row generation; cf. Künzi-Bay & Mayer, Comput. Manag. Sci. 3, 2006).
 */
async function solveCvarByScenarioGeneration(
  problem: PreparedProblem,
  targetReturn: number | undefined,
): Promise<Float64Array> {
  const { scenarios, confidence } = problem;
  const { periods: T, assets: n, returns } = scenarios;
  const tail = Math.ceil((1 - confidence) * T);
  const equal = new Float64Array(n).fill(1 / n);
  const start = Array.from(portfolioScenarioReturns(scenarios, equal), (r, t) => ({ r, t }))
    .sort((a, b) => a.r - b.r)
    .slice(0, Math.min(T, 2 * tail + n + 10))
    .map(({ t }) => t);
  const included = new Uint8Array(T);
  for (const t of start) included[t] = 1;
  const tailWeight = 1 / ((1 - confidence) * T);
  for (;;) {
    const program = baseProgram(problem.constraints, problem.expectedReturns, targetReturn, problem.costs);
    const alpha = program.addColumn(1, -Infinity, Infinity);
    const weightColumns = indices(n);
    for (let t = 0; t < T; t++) {
      if (!included[t]) continue;
      const u = program.addColumn(tailWeight, 0, Infinity);
      program.addRow(
        `scenario ${t}`,
        [...weightColumns, alpha, u],
        [...returns.subarray(t * n, t * n + n), 1, 1],
        0,
        Infinity,
      );
    }
    // Presolve finds little to remove in these dense rows and costs a third of the time.
    const solution = await solveLinearProgram({ ...program.build(), presolve: false });
    const weights = solution.x.slice(0, n);
    const threshold = solution.x[alpha]!;
    const portfolio = portfolioScenarioReturns(scenarios, weights);
    let added = 0;
    for (let t = 0; t < T; t++) {
      if (!included[t] && -portfolio[t]! - threshold > GENERATION_TOLERANCE * (1 + Math.abs(threshold))) {
        included[t] = 1;
        added++;
      }
    }
    if (added === 0) return weights;
  }
}

const GENERATION_TOLERANCE = 1e-12;

/**
 * CDaR (Chekhlov, Uryasev & Zabarankin 2005): pₜ ≥ cₜ = Cₜᵀw, pₜ ≥ pₜ₋₁, pₜ ≥ 0 (the running peak);
 * zₜ ≥ pₜ − cₜ − α, zₜ ≥ 0; min α + 1/((1−β)T)·Σzₜ.
 */
async function solveCdar(problem: PreparedProblem, targetReturn: number | undefined): Promise<Float64Array> {
  const { scenarios, confidence } = problem;
  const { periods: T, assets: n, returns } = scenarios;
  const program = baseProgram(problem.constraints, problem.expectedReturns, targetReturn, problem.costs);
  const weights = indices(n);
  const tailWeight = 1 / ((1 - confidence) * T);
  const alpha = program.addColumn(1, -Infinity, Infinity);
  const cumulative = new Float64Array(n);
  let previousPeak = -1;
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < n; i++) cumulative[i] = cumulative[i]! + returns[t * n + i]!;
    const peak = program.addColumn(0, 0, Infinity);
    const z = program.addColumn(tailWeight, 0, Infinity);
    const negated = Array.from(cumulative, (v) => -v);
    program.addRow(`peak ${t}`, [...weights, peak], [...negated, 1], 0, Infinity);
    if (previousPeak >= 0) program.addRow(`peak ${t}`, [peak, previousPeak], [1, -1], 0, Infinity);
    program.addRow(`drawdown ${t}`, [...weights, peak, z, alpha], [...cumulative, -1, 1, 1], 0, Infinity);
    previousPeak = peak;
  }
  const solution = await solveLinearProgram(program.build());
  return solution.x.slice(0, n);
}

async function maximumExpectedReturn(problem: PreparedProblem): Promise<number> {
  try {
    return await maximumAttainableReturn(problem.constraints, problem.expectedReturns);
  } catch (error) {
    return infeasibleScenarioProblem(error, undefined);
  }
}

export function indices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
