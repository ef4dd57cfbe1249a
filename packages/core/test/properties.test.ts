import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assetCorrelation, correlationMatrix } from "../src/correlation/index.js";
import { covarianceMatrix, returnsPanel, sampleCorrelationMatrix } from "../src/covariance/index.js";
import { samplePercentile, samplePercentiles, sampleVariance } from "../src/estimators/index.js";
import { percentilesBySelection } from "../src/estimators/percentiles-by-selection.js";
import { symmetricEigenvalues } from "../src/linalg/index.js";
import { riskProfile } from "../src/profile/index.js";
import type { PriceSeries } from "../src/types.js";

/** Seeded uniform stream in [−0.5, 0.5): continuous values, so samples are never degenerate. */
function uniforms(seed: number, count: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  });
}

/** Prices from a start level and seeded daily log returns within ±10 %. */
const prices = (minLength: number, maxLength: number) =>
  fc
    .tuple(
      fc.double({ min: 0.01, max: 1e5, noNaN: true }),
      fc.integer({ min: minLength - 1, max: maxLength - 1 }),
      fc.integer({ min: 0, max: 2 ** 31 }),
    )
    .map(([start, count, seed]) => {
      const out = [start];
      for (const v of uniforms(seed, count)) out.push(out[out.length - 1]! * Math.exp(0.2 * v));
      return out;
    });

function isoDay(offset: number): string {
  return new Date(Date.UTC(2021, 0, 1 + offset)).toISOString().slice(0, 10);
}

/** A price series on a random subset of 60 consecutive days (so pairs overlap on different dates). */
const series = fc
  .tuple(fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), prices(60, 60))
  .map(([keep, close]): PriceSeries => {
    const days = keep.map((k, i) => (k || i % 5 === 0 ? i : -1)).filter((i) => i >= 0);
    return { dates: days.map(isoDay), close: Float64Array.from(days, (i) => close[i]!) };
  });

function assertCorrelationMatrix(matrix: ArrayLike<number>, n: number): void {
  for (let i = 0; i < n; i++) {
    expect(matrix[i * n + i]).toBeCloseTo(1, 12);
    for (let j = 0; j < n; j++) {
      expect(matrix[i * n + j]).toBe(matrix[j * n + i]);
      expect(Math.abs(matrix[i * n + j]!)).toBeLessThanOrEqual(1);
    }
  }
  expect(symmetricEigenvalues(Float64Array.from(matrix), n)[0]!).toBeGreaterThanOrEqual(-1e-10);
}

describe("properties", () => {
  it("correlations lie in [−1, 1] for every method", () => {
    fc.assert(
      fc.property(series, series, fc.constantFrom("moments", "percentiles", "likelihood" as const), (a, b, method) => {
        const { correlation } = assetCorrelation(a, b, { method });
        return correlation >= -1 && correlation <= 1;
      }),
      { numRuns: 60 },
    );
  });

  it("pairwise correlation matrices are symmetric, unit-diagonal and PSD (repaired when needed)", () => {
    fc.assert(
      fc.property(
        fc.array(series, { minLength: 2, maxLength: 7 }),
        fc.constantFrom("moments", "percentiles"),
        (all, method) => {
          const { correlation_matrix } = correlationMatrix(all, { method });
          assertCorrelationMatrix(correlation_matrix.flat(), all.length);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("panel correlation and covariance matrices are symmetric and PSD for every method", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 3, max: 40 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (assets, days, seed) => {
          const rows = Array.from({ length: assets }, (_, i) => uniforms(seed + 7919 * i, days));
          const panel = returnsPanel(rows);
          assertCorrelationMatrix(sampleCorrelationMatrix(panel), assets);
          for (const method of ["sample", "ewma", "ledoit-wolf"] as const) {
            const { covariance } = covarianceMatrix(panel, { method });
            for (let i = 0; i < assets; i++) {
              expect(covariance[i * assets + i]!).toBeGreaterThanOrEqual(0);
              for (let j = 0; j < assets; j++) expect(covariance[i * assets + j]).toBe(covariance[j * assets + i]);
            }
            const scale = Math.max(...Array.from({ length: assets }, (_, i) => covariance[i * assets + i]!));
            expect(symmetricEigenvalues(covariance, assets)[0]!).toBeGreaterThanOrEqual(-1e-10 * scale);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("variances are never negative", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (x) => {
        return sampleVariance(x) >= 0;
      }),
    );
  });

  it("risk profiles do not change when every price is scaled", () => {
    fc.assert(
      fc.property(
        prices(3, 80),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.constantFrom("moments", "percentiles", "likelihood" as const),
        (p, scale, method) => {
          const base = riskProfile(p, { method });
          const scaled = riskProfile(
            p.map((v) => v * scale),
            { method },
          );
          const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
          return (
            near(scaled.annual_return, base.annual_return) && near(scaled.annual_volatility, base.annual_volatility)
          );
        },
      ),
    );
  });

  it("percentiles are monotone in p", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, p, q) => {
          const [low, high] = p <= q ? [p, q] : [q, p];
          return samplePercentile(x, low) <= samplePercentile(x, high);
        },
      ),
    );
  });
});

describe("percentiles by selection", () => {
  it("equal the sorted-sample rule for any sample and ascending probabilities", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (x, ps) => {
          const ascending = [...ps].sort((a, b) => a - b);
          const copy = [...x];
          expect(percentilesBySelection(x, ascending)).toEqual(samplePercentiles(x, ascending));
          expect(x).toEqual(copy);
        },
      ),
      { numRuns: 500 },
    );
  });
});
