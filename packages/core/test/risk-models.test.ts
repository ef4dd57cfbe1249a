import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { correlationByTicker, riskModel } from "../src/labelled/index.js";
import { symmetricEigenvalues } from "../src/linalg/index.js";
import {
  covarianceFromCorrelation,
  ewmaCovarianceMatrix,
  LEDOIT_WOLF_TARGETS,
  ledoitWolfCovariance,
  nearestPsdCovariance,
  oracleApproximatingShrinkage,
  pairwiseSampleCovariance,
  sampleCovarianceMatrix,
  semicovarianceMatrix,
  shrunkCovariance,
} from "../src/risk-models/index.js";
import {
  referenceLedoitWolfConstantCorrelation,
  referenceLedoitWolfIdentity,
  referenceLedoitWolfMarket,
  referenceOas,
  referenceSampleCovariance,
} from "./support/reference-estimators.js";
import { factorReturns, maxRelativeGap, pricesFromReturns, row } from "./support/synthetic-panel.js";

const TOLERANCE = 1e-12;
const panel = factorReturns(9, 130, 7);
const rows = Array.from({ length: panel.assets }, (_, i) => row(panel, i));

/** Entry-wise relative gap, entries below 1e-6 of the largest measured against that floor. */
function gap(actual: Float64Array, expected: number[][]): number {
  const flat = expected.flat();
  const floor = 1e-6 * Math.max(...flat.map(Math.abs));
  return maxRelativeGap(actual, flat, floor);
}

describe("risk models against plain-loop second implementations (1e-12 relative)", () => {
  it("sample covariance, annualised", () => {
    expect(
      gap(sampleCovarianceMatrix(panel, { periodsPerYear: 252 }).covariance, referenceSampleCovariance(rows, 252)),
    ).toBeLessThan(TOLERANCE);
  });

  it("semicovariance: ppy · Σₜ min(r − b, 0)ᵢ min(r − b, 0)ⱼ / T", () => {
    const b = 0.0004;
    const expected = rows.map((ri) =>
      rows.map((rj) => (52 * ri.reduce((s, v, t) => s + Math.min(v - b, 0) * Math.min(rj[t]! - b, 0), 0)) / panel.days),
    );
    expect(gap(semicovarianceMatrix(panel, { benchmark: b, periodsPerYear: 52 }).covariance, expected)).toBeLessThan(
      TOLERANCE,
    );
  });

  it.each(["weighted-mean", "sample-mean", "zero"] as const)("EWMA covariance centred on the %s", (centring) => {
    const span = 30;
    const alpha = 2 / (span + 1);
    const raw = rows[0]!.map((_, t) => (1 - alpha) ** (panel.days - 1 - t));
    const total = raw.reduce((s, v) => s + v, 0);
    const w = raw.map((v) => v / total);
    const centre = (r: number[]) =>
      centring === "zero"
        ? 0
        : centring === "sample-mean"
          ? r.reduce((s, v) => s + v, 0) / r.length
          : r.reduce((s, v, t) => s + w[t]! * v, 0);
    const expected = rows.map((ri) =>
      rows.map((rj) => 252 * ri.reduce((s, v, t) => s + w[t]! * (v - centre(ri)) * (rj[t]! - centre(rj)), 0)),
    );
    expect(gap(ewmaCovarianceMatrix(panel, { span, centring }).covariance, expected)).toBeLessThan(TOLERANCE);
  });

  it("EWMA span, half-life and decay name the same weights", () => {
    const bySpan = ewmaCovarianceMatrix(panel, { span: 39 }).covariance; // λ = 38/40 = 0.95
    const byDecay = ewmaCovarianceMatrix(panel, { decay: 0.95 }).covariance;
    const byHalfLife = ewmaCovarianceMatrix(panel, { halfLife: Math.log(0.5) / Math.log(0.95) }).covariance;
    expect(maxRelativeGap(bySpan, byDecay)).toBeLessThan(1e-12);
    expect(maxRelativeGap(byHalfLife, byDecay)).toBeLessThan(1e-12);
  });

  it.each([
    ["constant-variance", referenceLedoitWolfIdentity],
    ["single-factor", referenceLedoitWolfMarket],
    ["constant-correlation", referenceLedoitWolfConstantCorrelation],
  ] as const)("Ledoit–Wolf toward the %s target: matrix and optimal intensity", (target, reference) => {
    const expected = reference(rows);
    const result = ledoitWolfCovariance(panel, { target, periodsPerYear: 1 });
    expect(Math.abs(result.shrinkage! - expected.shrinkage) / expected.shrinkage).toBeLessThan(TOLERANCE);
    expect(expected.shrinkage).toBeGreaterThan(0);
    expect(expected.shrinkage).toBeLessThan(1);
    expect(gap(result.covariance, expected.sigma)).toBeLessThan(TOLERANCE);
  });

  it("Oracle Approximating Shrinkage", () => {
    const expected = referenceOas(rows);
    const result = oracleApproximatingShrinkage(panel, { periodsPerYear: 1 });
    expect(Math.abs(result.shrinkage! - expected.shrinkage) / expected.shrinkage).toBeLessThan(TOLERANCE);
    expect(gap(result.covariance, expected.sigma)).toBeLessThan(TOLERANCE);
  });

  it("fixed-intensity shrinkage and covariance ↔ correlation", () => {
    const sample = sampleCovarianceMatrix(panel);
    const n = panel.assets;
    const mu = Array.from({ length: n }, (_, i) => sample.covariance[i * n + i]!).reduce((s, v) => s + v, 0) / n;
    const expected = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => 0.7 * sample.covariance[i * n + j]! + (i === j ? 0.3 * mu : 0)),
    );
    expect(gap(shrunkCovariance(sample.covariance, n, 0.3), expected)).toBeLessThan(TOLERANCE);
    const prices = pricesFromReturns(
      panel,
      rows.map((_, i) => `T${i}`),
    );
    const model = riskModel(prices);
    const { correlation } = correlationByTicker(model);
    const sd = model.covariance.map((r, i) => Math.sqrt(r[i]!));
    const back = covarianceFromCorrelation(Float64Array.from(correlation.flat()), sd);
    expect(gap(back, model.covariance)).toBeLessThan(1e-14 * 100);
  });

  it("nearest-PSD repair: an indefinite matrix comes back PSD, with V·max(Λ, 0)·Vᵀ in closed form for 2×2", () => {
    // [[1, 2], [2, 1]] has eigenvalues 3 and −1 with eigenvectors (1, 1)/√2 and (1, −1)/√2: clipping gives 1.5·11ᵀ.
    const repair = nearestPsdCovariance(Float64Array.of(1, 2, 2, 1), 2);
    expect(repair.repaired).toBe(true);
    expect(repair.minEigenvalueBefore).toBeCloseTo(-1, 14);
    expect(maxRelativeGap(repair.covariance, [1.5, 1.5, 1.5, 1.5])).toBeLessThan(1e-14);
    const untouched = nearestPsdCovariance(sampleCovarianceMatrix(panel).covariance, panel.assets);
    expect(untouched.repaired).toBe(false);
  });

  it("pairwise covariance uses each pair's common days", () => {
    const values = Float64Array.from(panel.values);
    values[0 * panel.days + 3] = Number.NaN;
    values[1 * panel.days + 10] = Number.NaN;
    const result = pairwiseSampleCovariance({ ...panel, values }, { periodsPerYear: 1 });
    const common = rows[0]!.map((_, t) => t).filter((t) => t !== 3 && t !== 10);
    const a = common.map((t) => rows[0]![t]!);
    const b = common.map((t) => rows[1]![t]!);
    const ma = a.reduce((s, v) => s + v, 0) / a.length;
    const mb = b.reduce((s, v) => s + v, 0) / b.length;
    const expected = a.reduce((s, v, k) => s + (v - ma) * (b[k]! - mb), 0) / (a.length - 1);
    expect(result.repaired).toBe(false);
    expect(Math.abs(result.covariance[1]! - expected) / Math.abs(expected)).toBeLessThan(TOLERANCE);
  });
});

describe("risk-model properties", () => {
  const panels = fc
    .tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 3, max: 60 }), fc.integer({ min: 0, max: 2 ** 31 }))
    .map(([assets, days, seed]) => factorReturns(assets, days, seed));
  const methods = [
    (p: typeof panel, periodsPerYear = 252) => sampleCovarianceMatrix(p, { periodsPerYear }),
    (p: typeof panel, periodsPerYear = 252) => semicovarianceMatrix(p, { periodsPerYear }),
    (p: typeof panel, periodsPerYear = 252) => ewmaCovarianceMatrix(p, { halfLife: 10, periodsPerYear }),
    (p: typeof panel, periodsPerYear = 252) => oracleApproximatingShrinkage(p, { periodsPerYear }),
    ...LEDOIT_WOLF_TARGETS.map(
      (target) =>
        (p: typeof panel, periodsPerYear = 252) =>
          ledoitWolfCovariance(p, { target, periodsPerYear }),
    ),
  ];

  it("every estimate is symmetric and PSD; every shrinkage intensity lies in [0, 1]", () => {
    fc.assert(
      fc.property(panels, fc.integer({ min: 0, max: methods.length - 1 }), (p, m) => {
        const result = methods[m]!(p);
        const n = p.assets;
        const scale = Math.max(...Array.from({ length: n }, (_, i) => result.covariance[i * n + i]!));
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) expect(result.covariance[i * n + j]).toBe(result.covariance[j * n + i]);
        }
        expect(symmetricEigenvalues(result.covariance, n)[0]!).toBeGreaterThanOrEqual(-1e-12 * scale);
        if (result.shrinkage !== undefined) {
          expect(result.shrinkage).toBeGreaterThanOrEqual(0);
          expect(result.shrinkage).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("annualisation is linear in periodsPerYear", () => {
    fc.assert(
      fc.property(
        panels,
        fc.double({ min: 1, max: 400, noNaN: true }),
        fc.integer({ min: 0, max: methods.length - 1 }),
        (p, ppy, m) => {
          const annual = methods[m]!(p, ppy).covariance;
          const perPeriod = methods[m]!(p, 1).covariance;
          expect(
            maxRelativeGap(
              annual,
              perPeriod.map((v) => v * ppy),
              1e-300,
            ),
          ).toBeLessThan(1e-14);
        },
      ),
      { numRuns: 100 },
    );
  });
});
