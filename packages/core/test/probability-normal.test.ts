import { describe, expect, it } from "vitest";
import { ScrillaError } from "../src/errors.js";
import { normalCdf, normalPdf, normalQuantile, normalSurvival } from "../src/probability/normal.js";

// Reference values computed independently with mpmath (50 significant digits): ncdf(x), ncdf(-x).
const CDF_REFERENCE: [number, number, number][] = [
  [-37.5, 4.605353009581955e-308, 1.0],
  [-20, 2.7536241186062337e-89, 1.0],
  [-10, 7.619853024160525e-24, 1.0],
  [-5, 2.866515718791939e-7, 0.9999997133484281],
  [-1.96, 0.024997895148220435, 0.9750021048517795],
  [-1, 0.15865525393145705, 0.8413447460685429],
  [-0.5, 0.3085375387259869, 0.6914624612740131],
  [0, 0.5, 0.5],
  [0.3, 0.6179114221889527, 0.3820885778110474],
  [0.7, 0.758036347776927, 0.24196365222307303],
  [1, 0.8413447460685429, 0.15865525393145705],
  [1.96, 0.9750021048517795, 0.024997895148220435],
  [5, 0.9999997133484281, 2.866515718791939e-7],
  [8, 0.9999999999999993, 6.220960574271784e-16],
  [12, 1.0, 1.776482112077679e-33],
];

// mpmath at the exact binary value of p: -sqrt(2)·erfinv(1 − 2p), or a log-domain root of ncdf(z) = p in the far tail.
const QUANTILE_REFERENCE: [number, number][] = [
  [1e-300, -37.0470962993612],
  [1e-100, -21.273453560965326],
  [1e-20, -9.262340089798407],
  [1e-10, -6.361340902404057],
  [0.001, -3.0902323061678136],
  [0.05, -1.6448536269514726],
  [0.3, -0.5244005127080408],
  [0.975, 1.9599639845400538],
  [0.999999, 4.753424308817087],
];

const relativeError = (actual: number, expected: number): number =>
  expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);

describe("normalCdf / normalSurvival", () => {
  it.each(CDF_REFERENCE)("Φ(%d) matches mpmath to 1e-14 relative in both tails", (x, lower, upper) => {
    expect(relativeError(normalCdf(x), lower)).toBeLessThan(1e-14);
    expect(relativeError(normalSurvival(x), upper)).toBeLessThan(1e-14);
  });

  it("is monotone and symmetric", () => {
    for (let x = -8; x < 8; x += 0.01) {
      expect(normalCdf(x + 0.01)).toBeGreaterThanOrEqual(normalCdf(x));
      expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(2e-16);
    }
  });

  it("propagates NaN instead of inventing a probability", () => {
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe("normalPdf", () => {
  it("equals exp(-x²/2)/√(2π) and integrates to the cdf difference", () => {
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
    // Simpson's rule over [-1, 1.96] against Φ(1.96) − Φ(-1).
    const n = 2000;
    const a = -1;
    const b = 1.96;
    const h = (b - a) / n;
    let sum = normalPdf(a) + normalPdf(b);
    for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * normalPdf(a + i * h);
    expect((sum * h) / 3).toBeCloseTo(normalCdf(b) - normalCdf(a), 12);
  });
});

describe("normalQuantile", () => {
  it.each(QUANTILE_REFERENCE)("Φ⁻¹(%d) matches mpmath to 1e-14 relative", (p, z) => {
    expect(relativeError(normalQuantile(p), z)).toBeLessThan(1e-14);
  });

  it("is 0 at one half and ±Infinity at the ends", () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it("inverts normalCdf", () => {
    for (let p = 0.001; p < 1; p += 0.0137) {
      expect(relativeError(normalCdf(normalQuantile(p)), p)).toBeLessThan(1e-14);
    }
  });

  it.each([-0.1, 1.5, Number.NaN])("rejects %d with INVALID_INPUT", (p) => {
    expect(() => normalQuantile(p)).toThrow(ScrillaError);
    try {
      normalQuantile(p);
    } catch (error) {
      expect((error as ScrillaError).code).toBe("INVALID_INPUT");
    }
  });
});
