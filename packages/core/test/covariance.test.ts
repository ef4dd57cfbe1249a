import { describe, expect, it } from "vitest";
import {
  correlationFromCovariance,
  covarianceMatrix,
  panelCorrelationMatrix,
  type ReturnsPanel,
  returnsPanel,
  returnsPanelFromPrices,
  sampleCorrelationMatrix,
} from "../src/covariance/index.js";
import { sampleCorrelation, sampleCovariance } from "../src/estimators/index.js";
import { logReturns } from "../src/returns/index.js";
import { codeOf } from "./support/assertions.js";
import { recordedPrices } from "./support/recorded-prices.js";

function randomPanel(assets: number, days: number, seed: number): ReturnsPanel {
  let state = seed;
  const uniform = () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32 - 0.5;
  };
  const common = Array.from({ length: days }, uniform);
  const rows = Array.from({ length: assets }, (_, i) => common.map((c) => 0.01 * (((i % 3) - 1) * c + uniform())));
  return returnsPanel(rows);
}

const row = (panel: ReturnsPanel, i: number) => panel.values.subarray(i * panel.days, (i + 1) * panel.days);

describe("sample covariance and the fast correlation matrix", () => {
  // 37 assets: not a multiple of the 4×4 tile, so edge tiles are exercised.
  const panel = randomPanel(37, 300, 99);

  it("every entry equals the pairwise estimator (n − 1 covariance, Pearson)", () => {
    const { covariance } = covarianceMatrix(panel);
    const correlation = sampleCorrelationMatrix(panel);
    for (let i = 0; i < panel.assets; i++) {
      for (let j = 0; j < panel.assets; j++) {
        const k = i * panel.assets + j;
        expect(Math.abs(covariance[k]! - sampleCovariance(row(panel, i), row(panel, j)))).toBeLessThan(1e-17);
        const pearson = i === j ? 1 : sampleCorrelation(row(panel, i), row(panel, j));
        expect(Math.abs(correlation[k]! - pearson)).toBeLessThan(1e-13);
      }
    }
  });

  it("agrees with the pairwise correlations of recorded ALLY, BX, SPY, GLD", () => {
    const tickers = ["ALLY", "BX", "SPY", "GLD"];
    const matrix = sampleCorrelationMatrix(returnsPanelFromPrices(tickers.map((t) => recordedPrices(t).close)));
    const returns = tickers.map((t) => logReturns(recordedPrices(t).close));
    expect(matrix[1]).toBeCloseTo(0.210174607610038, 12);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        const expected = i === j ? 1 : sampleCorrelation(returns[i]!, returns[j]!);
        expect(Math.abs(matrix[i * 4 + j]! - expected)).toBeLessThan(1e-13);
      }
    }
  });

  it("correlationFromCovariance turns the sample covariance into the sample correlation", () => {
    const { covariance } = covarianceMatrix(panel);
    const fromCovariance = correlationFromCovariance(covariance, panel.assets);
    const direct = sampleCorrelationMatrix(panel);
    for (let k = 0; k < direct.length; k++) expect(Math.abs(fromCovariance[k]! - direct[k]!)).toBeLessThan(1e-13);
  });
});

describe("panelCorrelationMatrix", () => {
  it("is the sample correlation for `sample` and the rescaled covariance for the other methods", () => {
    const panel = randomPanel(9, 80, 3);
    expect(Array.from(panelCorrelationMatrix(panel))).toEqual(Array.from(sampleCorrelationMatrix(panel)));
    for (const method of ["ewma", "ledoit-wolf"] as const) {
      const { covariance } = covarianceMatrix(panel, { method });
      const correlation = panelCorrelationMatrix(panel, { method });
      for (let i = 0; i < 9; i++) {
        expect(correlation[i * 9 + i]).toBe(1);
        for (let j = 0; j < 9; j++) {
          const expected = covariance[i * 9 + j]! / Math.sqrt(covariance[i * 9 + i]! * covariance[j * 9 + j]!);
          expect(Math.abs(correlation[i * 9 + j]! - expected)).toBeLessThan(1e-14);
        }
      }
    }
    // Shrinking toward μ·I pulls every correlation toward 0.
    const sample = sampleCorrelationMatrix(panel);
    const shrunk = panelCorrelationMatrix(panel, { method: "ledoit-wolf" });
    for (let k = 0; k < sample.length; k++)
      expect(Math.abs(shrunk[k]!)).toBeLessThanOrEqual(Math.abs(sample[k]!) + 1e-15);
  });
});

describe("EWMA covariance", () => {
  it("equals Σ w_t (x_t − x̄_w)(y_t − ȳ_w) with w_t ∝ λ^(T−1−t)", () => {
    const panel = randomPanel(6, 120, 5);
    const decay = 0.9;
    const { covariance } = covarianceMatrix(panel, { method: "ewma", decay });
    const t = panel.days;
    const weights = Array.from({ length: t }, (_, day) => decay ** (t - 1 - day));
    const total = weights.reduce((s, w) => s + w, 0);
    const mean = (i: number) => weights.reduce((s, w, day) => s + (w / total) * row(panel, i)[day]!, 0);
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++) {
        const [mi, mj] = [mean(i), mean(j)];
        const expected = weights.reduce(
          (s, w, day) => s + (w / total) * (row(panel, i)[day]! - mi) * (row(panel, j)[day]! - mj),
          0,
        );
        expect(Math.abs(covariance[i * 6 + j]! - expected)).toBeLessThan(1e-17);
      }
    }
  });

  it("rejects a decay outside (0, 1)", () => {
    expect(codeOf(() => covarianceMatrix(randomPanel(2, 10, 1), { method: "ewma", decay: 1 }))).toBe("INVALID_INPUT");
  });
});

describe("Ledoit–Wolf covariance", () => {
  it("matches the textbook definition of the shrinkage intensity and target", () => {
    const panel = randomPanel(8, 40, 17);
    const { assets: n, days: t } = panel;
    const estimate = covarianceMatrix(panel, { method: "ledoit-wolf" });
    const centred = Array.from({ length: n }, (_, i) => {
      const r = row(panel, i);
      const m = r.reduce((s, v) => s + v, 0) / t;
      return Array.from(r, (v) => v - m);
    });
    const s = (i: number, j: number) => centred[i]!.reduce((acc, v, day) => acc + v * centred[j]![day]!, 0) / t;
    let trace = 0;
    for (let i = 0; i < n; i++) trace += s(i, i);
    const mu = trace / n;
    let delta = 0;
    let betaSum = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        delta += (s(i, j) - (i === j ? mu : 0)) ** 2;
        for (let day = 0; day < t; day++) betaSum += (centred[i]![day]! * centred[j]![day]! - s(i, j)) ** 2;
      }
    }
    delta /= n;
    const beta = Math.min(betaSum / (t * t) / n, delta);
    const shrinkage = beta / delta;
    expect(Math.abs(estimate.shrinkage - shrinkage)).toBeLessThan(1e-12);
    expect(estimate.shrinkage).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const expected = (1 - shrinkage) * s(i, j) + (i === j ? shrinkage * mu : 0);
        expect(Math.abs(estimate.covariance[i * n + j]! - expected)).toBeLessThan(1e-17);
      }
    }
  });

  it("unknown method is UNKNOWN_METHOD; ragged rows are UNALIGNED_SERIES", () => {
    expect(codeOf(() => covarianceMatrix(randomPanel(2, 10, 1), { method: "oas" as never }))).toBe("UNKNOWN_METHOD");
    expect(codeOf(() => returnsPanel([[0.1, 0.2], [0.1]]))).toBe("UNALIGNED_SERIES");
    expect(
      codeOf(() =>
        sampleCorrelationMatrix(
          returnsPanel([
            [0.1, 0.2, 0.3],
            [0.1, 0.1, 0.1],
          ]),
        ),
      ),
    ).toBe("INVALID_INPUT");
  });
});
