/** Estimators and discrete allocation of the portfolio-builder API, on deterministic synthetic data. */
import { type BenchFigure, timeMs } from "../../../scripts/bench-kit.js";
import { discreteAllocation } from "../src/allocation/index.js";
import { returnsPanel } from "../src/covariance/index.js";
import {
  LEDOIT_WOLF_TARGETS,
  ledoitWolfCovariance,
  oracleApproximatingShrinkage,
  sampleCovarianceMatrix,
} from "../src/risk-models/index.js";
import { syntheticGbmPrices } from "./statistics.js";

const DAYS = 1_260;

export async function run(): Promise<BenchFigure[]> {
  const prices = syntheticGbmPrices(500, DAYS, 7);
  const panel = returnsPanel(prices.map((p) => Float64Array.from({ length: DAYS }, (_, t) => p[t + 1]! / p[t]! - 1)));
  const size = `500 assets × ${DAYS} days`;
  const figures: BenchFigure[] = [
    {
      name: "core: sample covariance (one Gram product, the floor)",
      value: timeMs(() => sampleCovarianceMatrix(panel), 7, 2),
      unit: "ms",
      size,
    },
  ];
  for (const target of LEDOIT_WOLF_TARGETS) {
    figures.push({
      name: `core: Ledoit–Wolf shrinkage (${target})`,
      value: timeMs(() => ledoitWolfCovariance(panel, { target }), 7, 2),
      unit: "ms",
      size,
    });
  }
  figures.push({
    name: "core: Oracle Approximating Shrinkage",
    value: timeMs(() => oracleApproximatingShrinkage(panel), 7, 2),
    unit: "ms",
    size,
  });
  for (const investment of [10_000, 100_000, 1_000_000]) {
    const cases = allocationCases(20, 25, investment);
    for (const method of ["greedy", "exact"] as const) {
      figures.push({
        name: `core: discrete allocation (${method}), mean of 25 portfolios`,
        value:
          timeMs(
            () => {
              for (const input of cases) discreteAllocation({ ...input, method });
            },
            5,
            1,
          ) / cases.length,
        unit: "ms",
        size: `20 assets, investment ${investment}`,
      });
    }
  }
  return figures;
}

/** Random long-only weights (some zero) and prices from 5 to 600, seeded. */
function allocationCases(assets: number, count: number, investment: number) {
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => {
    const raw = Array.from({ length: assets }, () => (next() < 0.2 ? 0 : -Math.log(next())));
    const total = raw.reduce((sum, w) => sum + w, 0);
    return {
      weights: raw.map((w) => w / total),
      prices: Array.from({ length: assets }, () => 5 + 595 * next() ** 2),
      investment,
    };
  });
}
