import { type BenchFigure, timeMs } from "../../../scripts/bench-kit.js";
import {
  efficientFrontier,
  maximumSharpe,
  minimumVariance,
  type PortfolioModel,
  portfolioModel,
} from "../src/portfolio/index.js";

/** Deterministic uniform numbers in [0, 1) (a 32-bit LCG), so every run benches the same problems. */
export function uniforms(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A well-conditioned synthetic market: Σ = B·Bᵀ + D with 5 factors, μ spread over 2–20 %. */
function syntheticStatistics(n: number): { annualReturns: Float64Array; covariance: Float64Array } {
  const next = uniforms(n * 7919 + 17);
  const factors = 5;
  const loadings = Float64Array.from({ length: n * factors }, () => 0.05 + 0.25 * next() * (next() < 0.2 ? -1 : 1));
  const covariance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let f = 0; f < factors; f++) sum += loadings[i * factors + f]! * loadings[j * factors + f]!;
      covariance[i * n + j] = sum;
      covariance[j * n + i] = sum;
    }
    covariance[i * n + i] = covariance[i * n + i]! + 0.01 + 0.05 * next();
  }
  const annualReturns = Float64Array.from({ length: n }, () => 0.02 + 0.18 * next());
  return { annualReturns, covariance };
}

export function syntheticModel(n: number): PortfolioModel {
  return portfolioModel(syntheticStatistics(n));
}

/** Exact long-only optimisers (Goldfarb–Idnani QP) on 10, 100 and 500 assets. */
export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const n of [10, 100, 500]) {
    const runs = n >= 500 ? 3 : 7;
    const warmup = n >= 500 ? 1 : 2;
    const model = syntheticModel(n);
    figures.push(
      {
        name: "core portfolio minimumVariance",
        value: timeMs(() => minimumVariance(model), runs, warmup),
        unit: "ms",
        size: `${n} assets`,
      },
      {
        name: "core portfolio maximumSharpe (rf 0.02)",
        value: timeMs(() => maximumSharpe(model, { riskFreeRate: 0.02 }), runs, warmup),
        unit: "ms",
        size: `${n} assets`,
      },
    );
  }
  const hundred = syntheticModel(100);
  figures.push({
    name: "core portfolio efficientFrontier",
    value: timeMs(() => efficientFrontier(hundred, { steps: 50 }), 5, 1),
    unit: "ms",
    size: "50 points, 100 assets",
  });
  const statistics = syntheticStatistics(500);
  figures.push({
    name: "core portfolio portfolioModel (validate + Cholesky)",
    value: timeMs(() => portfolioModel(statistics), 3, 1),
    unit: "ms",
    size: "500 assets",
  });
  return figures;
}
