import { type BenchFigure, timeMs, timeMsAsync } from "../../../scripts/bench-kit.js";
import { portfolioConstraints } from "../src/constraints/portfolio-constraints.js";
import {
  constrainedEfficientFrontier,
  constrainedMinimumVariance,
  efficientFrontier,
  hierarchicalRiskParity,
  maximumQuadraticUtility,
  minimumScenarioRisk,
  minimumVariance,
  type PortfolioModel,
  portfolioVolatility,
  targetVolatility,
} from "../src/index.js";
import { ScenarioProgram } from "../src/scenario/scenario-program.js";
import { solveLinearProgram } from "../src/solver/highs-solver.js";
import { syntheticModel, uniforms } from "./portfolio.js";

const normal = (next: () => number) => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());

/** T daily returns of n assets from a 3-factor model (≈ 1 % daily volatility, a small spread of drifts). */
function scenarios(n: number, T: number): { returns: Float64Array; assets: number } {
  const next = uniforms(n * 31 + T);
  const loadings = Float64Array.from({ length: n * 3 }, () => 0.5 + next());
  const returns = new Float64Array(T * n);
  for (let t = 0; t < T; t++) {
    const factors = [normal(next), normal(next), normal(next)];
    for (let i = 0; i < n; i++) {
      let r = 0.0003 + 0.0001 * (i % 7);
      for (let k = 0; k < 3; k++) r += 0.005 * loadings[i * 3 + k]! * factors[k]!;
      returns[t * n + i] = r + 0.01 * normal(next);
    }
  }
  return { returns, assets: n };
}

/** The whole Rockafellar–Uryasev LP handed to HiGHS at once (the contender of the row generation). */
async function fullCvarLp(input: { returns: Float64Array; assets: number }, beta: number): Promise<void> {
  const n = input.assets;
  const T = input.returns.length / n;
  const program = new ScenarioProgram(portfolioConstraints(n));
  const weights = Array.from({ length: n }, (_, i) => i);
  const alpha = program.addColumn(1, -Infinity, Infinity);
  for (let t = 0; t < T; t++) {
    const u = program.addColumn(1 / ((1 - beta) * T), 0, Infinity);
    program.addRow("s", [...weights, alpha, u], [...input.returns.subarray(t * n, t * n + n), 1, 1], 0, Infinity);
  }
  await solveLinearProgram(program.build());
}

/** The scenarios above with asset 0 made cash-like (never below 0): the least semivariance is 0, not unique. */
function degenerateScenarios(n: number, T: number): { returns: Float64Array; assets: number } {
  const input = scenarios(n, T);
  const next = uniforms(n + 7 * T);
  for (let t = 0; t < T; t++) input.returns[t * n] = 0.0001 + 0.00002 * next();
  return input;
}

/** The whole semivariance QP min (1/T)Σdₜ², dₜ ≥ −rₜᵀw, dₜ ≥ 0 in HiGHS (the former fallback, contender). */
async function fullSemivarianceQp(input: { returns: Float64Array; assets: number }): Promise<void> {
  const n = input.assets;
  const T = input.returns.length / n;
  const program = new ScenarioProgram(portfolioConstraints(n));
  const weights = Array.from({ length: n }, (_, i) => i);
  for (let t = 0; t < T; t++) {
    const d = program.addColumn(0, 0, Infinity);
    program.addRow("s", [...weights, d], [...input.returns.subarray(t * n, t * n + n), 1], 0, Infinity);
  }
  const starts = new Int32Array(program.columns + 1);
  for (let j = 0; j < program.columns; j++) starts[j + 1] = starts[j]! + (j >= n ? 1 : 0);
  const hessian = {
    starts,
    indices: Int32Array.from({ length: T }, (_, t) => n + t),
    values: new Float64Array(T).fill(2 / T),
  };
  await solveLinearProgram(program.build(hessian));
}

/** Bisection on the exact QP frontier σ(R) — the nested search target volatility avoids (contender). */
function bisectTargetVolatility(model: PortfolioModel, target: number): void {
  let low = minimumVariance(model).annualReturn;
  let high = Math.max(...model.annualReturns);
  for (let k = 0; k < 60; k++) {
    const middle = 0.5 * (low + high);
    const sigma = portfolioVolatility(model, constrainedMinimumVariance(model, { targetReturn: middle }).weights);
    if (sigma > target) high = middle;
    else low = middle;
  }
}

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const n of [100, 500]) {
    const input = scenarios(n, 1260);
    const ours = await timeMsAsync(() => minimumScenarioRisk(input, "cvar-historical"), n >= 500 ? 3 : 5, 1);
    const contender = await timeMsAsync(() => fullCvarLp(input, 0.95), 1, 0);
    const size = `${n} assets × 1,260 scenarios`;
    figures.push(
      { name: "core minimumScenarioRisk cvar-historical (β 0.95)", value: ours, unit: "ms", size },
      {
        name: "  ratio: whole Rockafellar–Uryasev LP in HiGHS / row generation",
        value: contender / ours,
        unit: "×",
        size,
      },
    );
  }
  const plain = scenarios(100, 1260);
  const newton = await timeMsAsync(() => minimumScenarioRisk(plain, "semivariance"), 3, 1);
  // No contender: HiGHS' whole QP aborts on these data (status -1) and stalls on others (the former fallback).
  figures.push({
    name: "core minimumScenarioRisk semivariance (damped Newton)",
    value: newton,
    unit: "ms",
    size: "100 assets × 1,260 scenarios",
  });
  const calm = degenerateScenarios(100, 1260);
  const semi = await timeMsAsync(() => minimumScenarioRisk(calm, "semivariance"), 3, 1);
  const wholeQp = await timeMsAsync(() => fullSemivarianceQp(calm), 1, 0);
  const calmSize = "100 assets × 1,260 scenarios, one never below 0";
  figures.push(
    { name: "core minimumScenarioRisk semivariance, degenerate", value: semi, unit: "ms", size: calmSize },
    { name: "  ratio: whole QP in HiGHS (former fallback) / ours", value: wholeQp / semi, unit: "×", size: calmSize },
  );
  const five = syntheticModel(500);
  figures.push({
    name: "core hierarchicalRiskParity",
    value: timeMs(() => hierarchicalRiskParity(five), 5, 1),
    unit: "ms",
    size: "500 assets",
  });
  const hundred = syntheticModel(100);
  const floor = minimumVariance(hundred).annualVolatility;
  const target = 1.5 * floor;
  const walk = timeMs(() => targetVolatility(hundred, { targetVolatility: target }), 7, 2);
  const bisection = timeMs(() => bisectTargetVolatility(hundred, target), 1, 0);
  figures.push(
    { name: "core targetVolatility (σ* = 1.5 σ_min)", value: walk, unit: "ms", size: "100 assets" },
    {
      name: "  ratio: 60-step bisection on exact QPs / frontier walk",
      value: bisection / walk,
      unit: "×",
      size: "100 assets",
    },
  );
  const current = new Float64Array(100).fill(1 / 100);
  const withCosts = timeMs(
    () => maximumQuadraticUtility(hundred, { riskAversion: 3, transactionCosts: { current, rates: 0.002 } }),
    7,
    2,
  );
  const withoutCosts = timeMs(() => maximumQuadraticUtility(hundred, { riskAversion: 3 }), 7, 2);
  figures.push(
    { name: "core maximumQuadraticUtility with 20 bp costs", value: withCosts, unit: "ms", size: "100 assets" },
    {
      name: "  ratio: with costs / without (exact pieces)",
      value: withCosts / withoutCosts,
      unit: "×",
      size: "100 assets",
    },
  );
  figures.push(...(await constrainedFrontierFigures(hundred)));
  return figures;
}

/** 50 frontier points with shorts (−0.5 ≤ wᵢ ≤ 1) and a 30 % cap on a quarter of the assets, vs long-only. */
async function constrainedFrontierFigures(model: PortfolioModel): Promise<BenchFigure[]> {
  const constraints = {
    bounds: { lower: -0.5, upper: 1 },
    groups: {
      membership: Array.from({ length: model.size }, (_, i) => (i % 4 === 0 ? "capped" : undefined)),
      limits: { capped: { max: 0.3 } },
    },
  };
  const constrained = await timeMsAsync(() => constrainedEfficientFrontier(model, { steps: 50, constraints }), 3, 1);
  const longOnly = timeMs(() => efficientFrontier(model, { steps: 50 }), 3, 1);
  const size = `50 points, ${model.size} assets`;
  return [
    { name: "core constrainedEfficientFrontier (shorts + group cap)", value: constrained, unit: "ms", size },
    { name: "  ratio: constrained / long-only efficientFrontier", value: constrained / longOnly, unit: "×", size },
  ];
}
