import { createRequire } from "node:module";
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
  figures.push(...versusPortfolioAllocation(500));
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

interface PortfolioAllocationPackage {
  globalMinimumVarianceWeights(sigma: number[][], options?: object): number[];
}

/**
 * Long-only minimum variance against the npm `portfolio-allocation` package (Markowitz critical line /
 * GSMO, its automatic choice) on the same covariance, runs interleaved; the weights must agree to 1e-6.
 */
function versusPortfolioAllocation(n: number): BenchFigure[] {
  const contender = createRequire(import.meta.url)("portfolio-allocation") as PortfolioAllocationPackage;
  const model = syntheticModel(n);
  const sigma = Array.from({ length: n }, (_, i) => Array.from(model.covariance.subarray(i * n, (i + 1) * n)));
  const ours: number[] = [];
  const theirs: number[] = [];
  let difference = 0;
  for (let round = -1; round < 7; round++) {
    let start = performance.now();
    const weights = minimumVariance(model).weights;
    const oursMs = performance.now() - start;
    start = performance.now();
    const theirWeights = contender.globalMinimumVarianceWeights(sigma);
    const theirsMs = performance.now() - start;
    if (round < 0) continue;
    ours.push(oursMs);
    theirs.push(theirsMs);
    theirWeights.forEach((w, i) => {
      difference = Math.max(difference, Math.abs(w - weights[i]!));
    });
  }
  if (difference > 1e-6) throw new Error(`minimum variance disagrees with portfolio-allocation by ${difference}`);
  const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[samples.length >> 1]!;
  const size = `${n} assets (long-only)`;
  return [
    { name: "core portfolio minimumVariance (interleaved)", value: median(ours), unit: "ms", size },
    { name: "portfolio-allocation globalMinimumVarianceWeights", value: median(theirs), unit: "ms", size },
    { name: "core minimumVariance / portfolio-allocation", value: median(ours) / median(theirs), unit: "×", size },
  ];
}
