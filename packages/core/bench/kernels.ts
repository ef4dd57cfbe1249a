/**
 * The correlation kernel against NumPy's `corrcoef` (OpenBLAS, both cores) on the same panels, runs
 * interleaved so both see the same machine load; `correlationMatrix` (dated prices in, number[][] out)
 * against the kernel it wraps; and the bare Gram product X·Xᵀ on one thread on each side, as
 * multiply-adds per second per core, which separates the SIMD width (WebAssembly has 128-bit vectors,
 * OpenBLAS uses AVX-512 where the CPU has it) from everything around it.
 *
 * What is timed, per call, wall clock:
 * - ours, kernel: `sampleCorrelationMatrix(panel)`: float64 row-major panel in, N × N Float64Array out
 *   (means, norms, packing, X·Xᵀ on the worker pool, clamp, unit diagonal, the output allocation);
 * - NumPy: `np.corrcoef(x)`: the same panel in, the N × N float64 matrix out (see numpy-contender.ts);
 * - ours, Gram only: `simdSymmetricGramView` of the raw rows on one thread (packing + X·Xᵀ, no output
 *   copy); NumPy, Gram only: `x @ x.T` on one OpenBLAS thread (BLAS syrk: half the products, as ours).
 *   These two are timed as CPU time of the one thread doing the work, so a busy machine (waiting for a
 *   core) does not distort the per-core rate; rows²·days/2 multiply-adds are counted on both sides.
 * - work: CPU time of the whole correlation, ours summed over both threads, NumPy's `corrcoef` on one
 *   OpenBLAS thread (its idle threads spin, which would count as work): the load-proof comparison of
 *   what each side computes, where the wall-clock ratio swings with what else the machine runs.
 */
import { readFileSync } from "node:fs";
import type { BenchFigure } from "../../../scripts/bench-kit.js";
import { correlationMatrix } from "../src/correlation/index.js";
import { rowsOf } from "../src/covariance/gram-rows.js";
import { returnsPanel, sampleCorrelationMatrix } from "../src/covariance/index.js";
import { relaxedSimdAvailable, simdSymmetricGramView } from "../src/covariance/simd-gram-kernel.js";
import { startNumpy } from "./numpy-contender.js";
import { syntheticGbmPrices } from "./statistics.js";

const DAYS = 1_260;
const ROUNDS = 9;

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

/** Wall ms and CPU ms (every thread of the process, so the worker's share too) of one call. */
function wallAndCpu(fn: () => unknown): [number, number] {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  return [wall, (user + system) / 1000];
}

/** CPU ms of this process (the workers are idle while the kernel runs on the calling thread only). */
function cpuTimeOnce(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/** One-minute load average (Linux), so a reader can judge how busy the machine was; NaN elsewhere. */
function loadAverage(): number {
  try {
    return Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
  } catch {
    return Number.NaN;
  }
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
  const loads = [loadAverage()];
  try {
    for (const { rows, panel, series } of cases) {
      const samples = { ours: [] as number[], wrapped: [] as number[], theirs: [] as number[] };
      const work = { ours: [] as number[], wrapped: [] as number[], theirs: [] as number[] };
      const gram = { ours: [] as number[], theirs: [] as number[] };
      const rawRows = rowsOf(panel.values, DAYS);
      for (let round = -1; round < ROUNDS; round++) {
        const [kernel, kernelCpu] = wallAndCpu(() => sampleCorrelationMatrix(panel));
        const [full, fullCpu] = wallAndCpu(() => correlationMatrix(series));
        const contender = numpy ? await numpy.time(rows) : Number.NaN;
        const oursGram = cpuTimeOnce(() => simdSymmetricGramView(rows, DAYS, rawRows, { parallel: false }));
        const theirsGram = numpy ? await numpy.cpuTime(rows, "gram") : Number.NaN;
        const theirsWork = numpy ? await numpy.cpuTime(rows, "corrcoef") : Number.NaN;
        if (round < 0) continue; // warm-up: compilation, tier-up, worker start
        samples.ours.push(kernel);
        samples.wrapped.push(full);
        samples.theirs.push(contender);
        gram.ours.push(oursGram);
        gram.theirs.push(theirsGram);
        work.ours.push(kernelCpu);
        work.wrapped.push(fullCpu);
        work.theirs.push(theirsWork);
      }
      loads.push(loadAverage());
      const size = `${rows} assets × ${DAYS} days`;
      const ours = median(samples.ours);
      figures.push({ name: `core: correlation kernel (${kernelName}, threads)`, value: ours, unit: "ms", size });
      figures.push({
        name: "core: correlationMatrix (dated prices in) / kernel",
        value: median(samples.wrapped) / ours,
        unit: "×",
        size,
      });
      figures.push({
        name: "core: correlationMatrix / kernel (CPU time)",
        value: median(work.wrapped) / median(work.ours),
        unit: "×",
        size,
      });
      const multiplyAdds = (rows * rows * DAYS) / 2;
      const oursRate = multiplyAdds / median(gram.ours) / 1e6;
      figures.push({ name: "core: Gram X·Xᵀ, one thread (CPU time)", value: oursRate, unit: "GMAC/s", size });
      if (numpy) {
        const theirs = median(samples.theirs);
        figures.push({ name: `numpy corrcoef (${numpy.version})`, value: theirs, unit: "ms", size });
        figures.push({ name: "core: correlation kernel / numpy corrcoef", value: ours / theirs, unit: "×", size });
        const ourWork = median(work.ours);
        const theirWork = median(work.theirs);
        figures.push({ name: "core: correlation kernel, CPU time of all threads", value: ourWork, unit: "ms", size });
        figures.push({ name: "numpy corrcoef, CPU time on one thread", value: theirWork, unit: "ms", size });
        figures.push({ name: "core / numpy correlation work (CPU time)", value: ourWork / theirWork, unit: "×", size });
        const theirsRate = multiplyAdds / median(gram.theirs) / 1e6;
        if (Number.isFinite(theirsRate)) {
          figures.push({
            name: "numpy x @ x.T (syrk), one thread (CPU time)",
            value: theirsRate,
            unit: "GMAC/s",
            size,
          });
          figures.push({
            name: "numpy / core Gram rate per core",
            value: theirsRate / oursRate,
            unit: "×",
            size,
          });
        }
      }
    }
  } finally {
    numpy?.close();
  }
  figures.push({
    name: "load average (1 min) before / after the kernel runs",
    value: Math.max(...loads),
    unit: "max",
    size: loads.map((load) => load.toFixed(2)).join(" → "),
  });
  return figures;
}
