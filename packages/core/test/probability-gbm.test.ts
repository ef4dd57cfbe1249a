import { describe, expect, it } from "vitest";
import {
  conditionalExpectedValue,
  conditionalValueAtRisk,
  type GbmInput,
  gbmD1D2,
  gbmPercentile,
  normalCdf,
  normalQuantile,
  probabilityD1,
  probabilityD2,
  valueAtRisk,
} from "../src/probability/index.js";
import { expectCode, relative } from "./support/assertions.js";

const gbm = (spot: number, annualVolatility: number, annualReturn: number, expiry: number): GbmInput => ({
  spot,
  annualVolatility,
  annualReturn,
  expiry,
});

// Spec §4.7 (test_analysis_models_geometric_probability.py), tolerance 1e-7: S0, ST, σ, μ, T → d1, d2, Φ(d1), Φ(d2).
const D_VECTORS = [
  [
    120, 122, 0.15, 0.03, 0.793650793650794, 0.121295502265128, -0.012335118691085, 0.548271508805581,
    0.495079124410103,
  ],
  [25, 30, 0.15, 0.05, 0.476190476190476, -1.47961680890385, -1.58312664280521, 0.069487769054048, 0.056696301070295],
  [57.43, 50, 0.22, 0.03, 0.238095238095238, 1.41080550384298, 1.30345649581864, 0.920849014407477, 0.903790520239976],
  [330, 400, 0.111, 0.041, 1.25, -1.07509558235642, -1.19919735510765, 0.141165968553501, 0.11522560773558],
  [155, 162, 0.08, 0.03, 1.46825396825397, 0.047193567590656, -0.049743656409341, 0.518820522934644, 0.480163333358691],
] as const;

// Spec §4.7: S0, σ, μ, T, p → percentile.
const PERCENTILE_VECTORS = [
  [120, 0.15, 0.03, 0.793650793650794, 0.75, 133.287064146056],
  [25, 0.15, 0.05, 0.476190476190476, 0.6, 26.142232822269],
  [57.43, 0.22, 0.03, 0.238095238095238, 0.99, 73.8236324949752],
  [330, 0.111, 0.041, 1.25, 0.35, 328.59404283136],
  [155, 0.08, 0.03, 1.46825396825397, 0.15, 145.810137542904],
] as const;

describe("d1, d2 and their probabilities (spec §4.1, §4.7)", () => {
  it.each(D_VECTORS)("S0 %d, ST %d, σ %d, μ %d, T %d", (s0, st, sigma, mu, t, d1, d2, p1, p2) => {
    const input = gbm(s0, sigma, mu, t);
    const values = gbmD1D2(input, st);
    expect(Math.abs(values.d1 - d1)).toBeLessThan(1e-7);
    expect(Math.abs(values.d2 - d2)).toBeLessThan(1e-7);
    expect(Math.abs(probabilityD1(input, st) - p1)).toBeLessThan(1e-7);
    expect(Math.abs(probabilityD2(input, st) - p2)).toBeLessThan(1e-7);
    expect(Math.abs(probabilityD1(input, st, true) - (1 - p1))).toBeLessThan(1e-7);
    expect(Math.abs(probabilityD2(input, st, true) - (1 - p2))).toBeLessThan(1e-7);
  });

  it("gives a certain outcome when σ = 0, respecting the negate flag", () => {
    const certain = gbm(100, 0, 0.05, 1);
    expect(probabilityD2(certain, 104)).toBe(1);
    expect(probabilityD2(certain, 104, true)).toBe(0);
    expect(probabilityD2(certain, 106)).toBe(0);
    expect(probabilityD2(certain, 106, true)).toBe(1);
  });

  it("subtracts the dividend yield from the drift", () => {
    const withYield = { ...gbm(100, 0.2, 0.07, 1), dividendYield: 0.02 };
    expect(gbmD1D2(withYield, 110).d1).toBeCloseTo(gbmD1D2(gbm(100, 0.2, 0.05, 1), 110).d1, 14);
  });
});

describe("percentile / value at risk (spec §4.2, §4.7)", () => {
  it.each(PERCENTILE_VECTORS)("S0 %d, σ %d, μ %d, T %d, p %d", (s0, sigma, mu, t, p, expected) => {
    const input = gbm(s0, sigma, mu, t);
    expect(Math.abs(gbmPercentile(input, p) - expected)).toBeLessThan(1e-7);
    // The percentile is the level S_T falls below with probability p.
    expect(probabilityD2(input, gbmPercentile(input, p), true)).toBeCloseTo(p, 13);
  });
});

describe("conditional expected value / CVaR (spec §4.3, §4.7)", () => {
  const base = gbm(100, 0.2, 0.05, 1);
  it("matches the computed vectors E[S|S>110] and E[S|S<90]", () => {
    expect(relative(conditionalExpectedValue(base, 110, true), 127.0691003411931)).toBeLessThan(1e-12);
    expect(relative(conditionalExpectedValue(base, 90), 80.25722886721144)).toBeLessThan(1e-12);
  });

  it("agrees with numerical integration of the lognormal density", () => {
    // E[S_T 1{S_T<K}] / P(S_T<K) by Simpson's rule over z, S_T = F·exp(σ z − σ²/2).
    const forward = 100 * Math.exp(0.05);
    const upper = (Math.log(90 / forward) + 0.02) / 0.2;
    const n = 20_000;
    const lower = -12;
    const h = (upper - lower) / n;
    const f = (z: number): number => forward * Math.exp(0.2 * z - 0.02) * Math.exp(-0.5 * z * z);
    let sum = f(lower) + f(upper);
    for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(lower + i * h);
    const expected = (sum * h) / 3 / Math.sqrt(2 * Math.PI) / normalCdf(upper);
    expect(relative(conditionalExpectedValue(base, 90), expected)).toBeLessThan(1e-10);
  });

  it("reproduces the A.3 ALLY example as price levels and as losses (D-14)", () => {
    const ally: GbmInput = {
      spot: 47.93,
      annualReturn: -0.1286093252626298,
      annualVolatility: 0.31738145569380244,
      expiry: 0.5,
    };
    const risk = valueAtRisk(ally, 0.05);
    const tail = conditionalValueAtRisk(ally, 0.05);
    expect(relative(risk.priceLevel, 30.29891518814592)).toBeLessThan(1e-9);
    expect(relative(tail.priceLevel, 27.679035958317936)).toBeLessThan(1e-9);
    expect(risk.loss).toBeCloseTo(47.93 - 30.29891518814592, 9);
    expect(tail.loss).toBeCloseTo(47.93 - 27.679035958317936, 9);
    // Closed form when K is the p-percentile: F·Φ(z_p − σ√T)/p.
    const forward = 47.93 * Math.exp(-0.1286093252626298 * 0.5);
    const closed = (forward * normalCdf(normalQuantile(0.05) - 0.31738145569380244 * Math.sqrt(0.5))) / 0.05;
    expect(relative(tail.priceLevel, closed)).toBeLessThan(1e-12);
  });

  it("is degenerate but defined when σ = 0", () => {
    const certain = gbm(100, 0, 0.05, 1);
    expect(valueAtRisk(certain, 0.05).priceLevel).toBeCloseTo(100 * Math.exp(0.05), 12);
    expect(conditionalValueAtRisk(certain, 0.05).priceLevel).toBeCloseTo(100 * Math.exp(0.05), 12);
    expectCode(() => conditionalExpectedValue(certain, 90), "INVALID_INPUT");
  });
});

describe("bad input", () => {
  const ok = gbm(100, 0.2, 0.05, 1);
  it.each([0, 1, -0.2, 1.5, Number.NaN])("rejects probability %d with INVALID_INPUT", (p) => {
    expectCode(() => valueAtRisk(ok, p), "INVALID_INPUT");
    expectCode(() => conditionalValueAtRisk(ok, p), "INVALID_INPUT");
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("rejects expiry %d with INVALID_INPUT", (expiry) => {
    expectCode(() => valueAtRisk({ ...ok, expiry }, 0.05), "INVALID_INPUT");
    expectCode(() => gbmD1D2({ ...ok, expiry }, 100), "INVALID_INPUT");
  });

  it("rejects non-positive prices and negative volatility", () => {
    expectCode(() => valueAtRisk({ ...ok, spot: 0 }, 0.05), "INVALID_INPUT");
    expectCode(() => valueAtRisk({ ...ok, annualVolatility: -0.1 }, 0.05), "INVALID_INPUT");
    expectCode(() => probabilityD2(ok, -5), "INVALID_INPUT");
  });
});
