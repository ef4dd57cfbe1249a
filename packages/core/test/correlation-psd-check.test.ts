import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assetCorrelation, correlationMatrix } from "../src/correlation/index.js";
import { returnsPanelFromPrices, sampleCorrelationMatrix } from "../src/covariance/index.js";
import { nearestPsd, nearestPsdIfNeeded } from "../src/linalg/index.js";
import type { PriceSeries } from "../src/types.js";
import { recordedPrices } from "./support/recorded-prices.js";

/** Seeded GBM-like prices on the given dates (an LCG, so every run sees the same numbers). */
function pricesOn(dates: string[], seed: number): PriceSeries {
  let state = seed >>> 0;
  const close = new Float64Array(dates.length);
  let price = 50;
  for (let t = 0; t < dates.length; t++) {
    state = (state * 1664525 + 1013904223) >>> 0;
    price *= Math.exp((state / 2 ** 32 - 0.5) * 0.04);
    close[t] = price;
  }
  return { dates, close };
}

const days = (count: number, from = 0) =>
  Array.from({ length: count }, (_, t) => new Date(Date.UTC(2020, 0, 1 + from + t)).toISOString().slice(0, 10));

/** What correlationMatrix returned before the checks were skipped: the full eigenvalue check on every matrix. */
function previousResult(matrix: Float64Array, n: number) {
  const psd = nearestPsd(matrix, n, { unitDiagonal: true });
  return { rows: Array.from({ length: n }, (_, i) => Array.from(psd.matrix.subarray(i * n, (i + 1) * n))), psd };
}

function pairwiseMatrix(series: PriceSeries[], method: "moments" | "percentiles"): Float64Array {
  const n = series.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++)
      m[i * n + j] = i === j ? 1 : assetCorrelation(series[i]!, series[j]!, { method }).correlation;
  }
  return m;
}

describe("correlationMatrix skips the eigenvalue check where it cannot change the result", () => {
  it("Pearson panel (shared dates): identical to the eigen-checked matrix when positive definite", () => {
    const dates = days(80);
    const series = Array.from({ length: 6 }, (_, i) => pricesOn(dates, 7 + i));
    const result = correlationMatrix(series);
    const before = previousResult(sampleCorrelationMatrix(returnsPanelFromPrices(series.map((s) => s.close))), 6);
    expect(before.psd.repaired).toBe(false);
    expect(result.repaired).toBe(false);
    expect(result.min_eigenvalue).toBeUndefined();
    expect(result.correlation_matrix).toEqual(before.rows);
  });

  it("singular Pearson panel (more assets than days): the old check only 'repaired' rounding-sized eigenvalues", () => {
    const dates = days(8);
    const series = Array.from({ length: 12 }, (_, i) => pricesOn(dates, 7 + i));
    const result = correlationMatrix(series);
    const before = previousResult(sampleCorrelationMatrix(returnsPanelFromPrices(series.map((s) => s.close))), 12);
    expect(before.psd.minEigenvalueBefore).toBeGreaterThan(-1e-13);
    expect(result.repaired).toBe(false);
    result.correlation_matrix.forEach((row, i) => {
      row.forEach((value, j) => {
        expect(Math.abs(value - before.rows[i]![j]!)).toBeLessThan(1e-13);
      });
    });
  });

  it("pairwise estimates (percentiles, different date sets): identical to the eigen-checked matrix", () => {
    const recorded = ["ALLY", "BX", "SPY", "GLD", "DIS"].map((t) => recordedPrices(t));
    const percentiles = correlationMatrix(recorded, { method: "percentiles" });
    expect(percentiles.correlation_matrix).toEqual(previousResult(pairwiseMatrix(recorded, "percentiles"), 5).rows);
    const staggered = [0, 3, 9, 14].map((from, i) => pricesOn(days(70, from), 40 + i));
    const moments = correlationMatrix(staggered);
    expect(moments.correlation_matrix).toEqual(previousResult(pairwiseMatrix(staggered, "moments"), 4).rows);
  });

  it("nearestPsdIfNeeded equals nearestPsd on PD, singular PSD and indefinite symmetric matrices", () => {
    const symmetric = fc.integer({ min: 1, max: 7 }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(
          fc.integer({ min: -1000, max: 1000 }).map((k) => k / 1000),
          { minLength: n * n, maxLength: n * n },
        ),
        fc.integer({ min: 0, max: n }),
        fc.constantFrom("gram", "indefinite"),
      ),
    );
    fc.assert(
      fc.property(symmetric, ([n, entries, rank, kind]) => {
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            if (kind === "indefinite") a[i * n + j] = (entries[i * n + j]! + entries[j * n + i]!) / 2;
            // B·Bᵀ with B the first `rank` columns: PSD, singular when rank < n.
            else
              for (let k = 0; k < rank; k++) a[i * n + j] = a[i * n + j]! + entries[i * n + k]! * entries[j * n + k]!;
          }
        }
        // Unit diagonal, as every correlation matrix has (a zero row of the Gram kind gets a 1).
        const scale = Array.from({ length: n }, (_, i) => (a[i * n + i]! > 0 ? 1 / Math.sqrt(a[i * n + i]!) : 1));
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) a[i * n + j] = i === j ? 1 : a[i * n + j]! * scale[i]! * scale[j]!;
        }
        const expected = nearestPsd(a, n, { unitDiagonal: true });
        const actual = nearestPsdIfNeeded(a, n, { unitDiagonal: true });
        if (actual.minEigenvalueBefore !== undefined) {
          expect(actual.repaired).toBe(expected.repaired);
          expect(actual.minEigenvalueBefore).toBe(expected.minEigenvalueBefore);
          expect(Array.from(actual.matrix)).toEqual(Array.from(expected.matrix));
        } else {
          // Cholesky proved positive definiteness: at most a rounding-sized eigenvalue could have been clipped.
          expect(actual.repaired).toBe(false);
          expect(expected.minEigenvalueBefore).toBeGreaterThan(-1e-12);
          actual.matrix.forEach((value, k) => {
            expect(Math.abs(value - expected.matrix[k]!)).toBeLessThan(1e-12);
          });
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});
