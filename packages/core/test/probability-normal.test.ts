import { describe, expect, it } from "vitest";
import { ScrillaError } from "../src/errors.js";
import { normalCdf, normalPdf, normalQuantile, normalSurvival } from "../src/probability/normal.js";

// Reference values computed independently with mpmath (50 significant digits): ncdf(x), ncdf(-x).
const CDF_REFERENCE: [number, number, number][] = [
  [-37.5, 4.6053530095819548438e-308, 1.0],
  [-20, 2.7536241186062336951e-89, 1.0],
  [-10, 7.619853024160526066e-24, 1.0],
  [-5, 2.8665157187919391167e-7, 0.99999971334842812081],
  [-1.96, 0.024997895148220436213, 0.97500210485177956379],
  [-1, 0.15865525393145705141, 0.84134474606854294859],
  [-0.5, 0.30853753872598689636, 0.69146246127401310364],
  [0, 0.5, 0.5],
  [0.3, 0.61791142218895263307, 0.38208857781104736693],
  [0.7, 0.75803634777692697138, 0.24196365222307302862],
  [1, 0.84134474606854294859, 0.15865525393145705141],
  [1.96, 0.97500210485177956379, 0.024997895148220436213],
  [5, 0.99999971334842812081, 2.8665157187919391167e-7],
  [8, 0.9999999999999993779, 6.2209605742717841235e-16],
  [12, 1.0, 1.7764821120776789977e-33],
];

// mpmath at the exact binary value of p: -sqrt(2)·erfinv(1 − 2p), or a log-domain root of ncdf(z) = p in the far tail.
const QUANTILE_REFERENCE: [number, number][] = [
  [1e-300, -37.047096299361199237],
  [1e-100, -21.273453560965324295],
  [1e-20, -9.2623400897984075796],
  [1e-10, -6.3613409024040561991],
  [0.001, -3.0902323061678135354],
  [0.05, -1.644853626951472688],
  [0.3, -0.52440051270804081597],
  [0.975, 1.9599639845400538556],
  [0.999999, 4.7534243088170877657],
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
