import { type BenchFigure, timeMs, timeMsAsync } from "../../../scripts/bench-kit.js";
import { portfolioConstraints } from "../src/constraints/portfolio-constraints.js";
import {
  constrainedMinimumVariance,
  hierarchicalRiskParity,
  minimumScenarioRisk,
  minimumVariance,
  type PortfolioModel,
  portfolioModel,
  portfolioVolatility,
  targetVolatility,
} from "../src/index.js";
import { ScenarioProgram } from "../src/scenario/scenario-program.js";
import { solveLinearProgram } from "../src/solver/highs-solver.js";

/** Deterministic uniforms in [0, 1) (32-bit LCG) and normals (Box–Muller). */
function uniforms(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
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

/** Σ = B·Bᵀ + D with 5 factors, μ spread over 2–20 % (as the portfolio bench). */
function market(n: number): PortfolioModel {
  const next = uniforms(n * 7919 + 17);
  const loadings = Float64Array.from({ length: n * 5 }, () => 0.05 + 0.25 * next() * (next() < 0.2 ? -1 : 1));
  const covariance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let f = 0; f < 5; f++) sum += loadings[i * 5 + f]! * loadings[j * 5 + f]!;
      covariance[i * n + j] = sum;
      covariance[j * n + i] = sum;
    }
    covariance[i * n + i] = covariance[i * n + i]! + 0.01 + 0.05 * next();
  }
  return portfolioModel({ annualReturns: Float64Array.from({ length: n }, () => 0.02 + 0.18 * next()), covariance });
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
  const five = market(500);
  figures.push({
    name: "core hierarchicalRiskParity",
    value: timeMs(() => hierarchicalRiskParity(five), 5, 1),
    unit: "ms",
    size: "500 assets",
  });
  const hundred = market(100);
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
  return figures;
}
