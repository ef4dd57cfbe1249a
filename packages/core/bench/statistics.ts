/** Statistics speed on a deterministic synthetic GBM panel (seeded PRNG, one common market factor). */
import { type BenchFigure, timeMs } from "../../../scripts/bench-kit.js";
import { correlationMatrix } from "../src/correlation/index.js";
import { scalarSymmetricGram } from "../src/covariance/gram-kernel.js";
import { covarianceMatrix, returnsPanel, sampleCorrelationMatrix } from "../src/covariance/index.js";
import { ESTIMATION_METHODS, riskProfile } from "../src/profile/index.js";

const DAYS = 1_260;

/** Mulberry32: a small, well-mixed 32-bit PRNG, so every run sees the same panel. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/** GBM prices (oldest first) of `assets` assets over `days + 1` trading days, loading on one market factor. */
export function syntheticGbmPrices(assets: number, days: number, seed = 2021): Float64Array[] {
  const next = mulberry32(seed);
  const dt = 1 / 252;
  const market = Array.from({ length: days }, () => gaussian(next));
  return Array.from({ length: assets }, () => {
    const mu = 0.02 + 0.15 * next();
    const sigma = 0.1 + 0.4 * next();
    const loading = 0.2 + 0.6 * next();
    const idiosyncratic = Math.sqrt(1 - loading * loading);
    const prices = new Float64Array(days + 1);
    prices[0] = 20 + 180 * next();
    for (let t = 0; t < days; t++) {
      const shock = loading * market[t]! + idiosyncratic * gaussian(next);
      prices[t + 1] = prices[t]! * Math.exp((mu - (sigma * sigma) / 2) * dt + sigma * Math.sqrt(dt) * shock);
    }
    return prices;
  });
}

function logReturnRows(prices: Float64Array[]): Float64Array[] {
  return prices.map((p) => Float64Array.from({ length: p.length - 1 }, (_, t) => Math.log(p[t + 1]! / p[t]!)));
}

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const prices500 = syntheticGbmPrices(500, DAYS);
  const panel500 = returnsPanel(logReturnRows(prices500));
  const panel100 = returnsPanel(logReturnRows(prices500.slice(0, 100)));

  figures.push({
    name: "core: sample correlation matrix",
    value: timeMs(() => sampleCorrelationMatrix(panel100), 15, 3),
    unit: "ms",
    size: `100 assets × ${DAYS} days`,
  });
  figures.push({
    name: "core: sample correlation matrix",
    value: timeMs(() => sampleCorrelationMatrix(panel500), 9, 2),
    unit: "ms",
    size: `500 assets × ${DAYS} days`,
  });
  const centredScaled = Float64Array.from(panel500.values);
  figures.push({
    name: "core: X·Xᵀ scalar fallback kernel (no SIMD)",
    value: timeMs(() => scalarSymmetricGram(centredScaled, panel500.assets, panel500.days), 5, 1),
    unit: "ms",
    size: `500 assets × ${DAYS} days`,
  });
  for (const method of ["ewma", "ledoit-wolf"] as const) {
    figures.push({
      name: `core: covariance matrix (${method})`,
      value: timeMs(() => covarianceMatrix(panel500, { method }), 5, 1),
      unit: "ms",
      size: `500 assets × ${DAYS} days`,
    });
  }
  for (const method of ESTIMATION_METHODS) {
    figures.push({
      name: `core: risk profiles (${method})`,
      value: timeMs(() => {
        for (const p of prices500) riskProfile(p, { method });
      }),
      unit: "ms",
      size: `500 profiles × ${DAYS + 1} prices`,
    });
  }
  const dates = Array.from({ length: DAYS + 1 }, (_, t) =>
    new Date(Date.UTC(2016, 0, 1 + t)).toISOString().slice(0, 10),
  );
  const series = prices500.slice(0, 20).map((close) => ({ dates, close }));
  figures.push({
    name: "core: pairwise correlation matrix (moments, dated series)",
    value: timeMs(() => correlationMatrix(series), 5, 1),
    unit: "ms",
    size: `20 assets × ${DAYS + 1} prices`,
  });
  return figures;
}
