/**
 * The correlation kernel against NumPy's `corrcoef` (OpenBLAS, both cores) on the same panels, runs
 * interleaved so both see the same machine load; and `correlationMatrix` (dated prices in, number[][]
 * out) against the kernel it wraps.
 */
import type { BenchFigure } from "../../../scripts/bench-kit.js";
import { correlationMatrix } from "../src/correlation/index.js";
import { returnsPanel, sampleCorrelationMatrix } from "../src/covariance/index.js";
import { relaxedSimdAvailable } from "../src/covariance/simd-gram-kernel.js";
import { startNumpy } from "./numpy-contender.js";
import { syntheticGbmPrices } from "./statistics.js";

const DAYS = 1_260;
const ROUNDS = 9;

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

function timeOnce(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export async function run(): Promise<BenchFigure[]> {
  const sizes = [500, 1_000];
  const prices = syntheticGbmPrices(1_000, DAYS, 1260);
  const dates = Array.from({ length: DAYS + 1 }, (_, t) =>
    new Date(Date.UTC(2016, 0, 1 + t)).toISOString().slice(0, 10),
  );
  const cases = sizes.map((rows) => {
    const rowsOfReturns = prices
      .slice(0, rows)
      .map((p) => Float64Array.from({ length: DAYS }, (_, t) => Math.log(p[t + 1]! / p[t]!)));
    return {
      rows,
      panel: returnsPanel(rowsOfReturns),
      series: prices.slice(0, rows).map((close) => ({ dates, close })),
    };
  });
  const numpy = await startNumpy(cases.map(({ rows, panel }) => ({ rows, cols: DAYS, values: panel.values })));
  const kernelName = relaxedSimdAvailable() ? "FMA SIMD" : "SIMD";
  const figures: BenchFigure[] = [];
  try {
    for (const { rows, panel, series } of cases) {
      const ours: number[] = [];
      const wrapped: number[] = [];
      const theirs: number[] = [];
      for (let round = -1; round < ROUNDS; round++) {
        const kernel = timeOnce(() => sampleCorrelationMatrix(panel));
        const full = timeOnce(() => correlationMatrix(series));
        const contender = numpy ? await numpy.time(rows) : Number.NaN;
        if (round < 0) continue; // warm-up: compilation, tier-up, worker start
        ours.push(kernel);
        wrapped.push(full);
        theirs.push(contender);
      }
      const size = `${rows} assets × ${DAYS} days`;
      figures.push({
        name: `core: correlation kernel (${kernelName}, threads)`,
        value: median(ours),
        unit: "ms",
        size,
      });
      figures.push({
        name: "core: correlationMatrix (dated prices in) / kernel",
        value: median(wrapped) / median(ours),
        unit: "×",
        size,
      });
      if (numpy) {
        figures.push({ name: `numpy corrcoef (${numpy.version})`, value: median(theirs), unit: "ms", size });
        figures.push({
          name: "core: correlation kernel / numpy corrcoef",
          value: median(ours) / median(theirs),
          unit: "×",
          size,
        });
      }
    }
  } finally {
    numpy?.close();
  }
  return figures;
}
