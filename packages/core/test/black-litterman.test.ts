import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blackLitterman } from "../src/index.js";
import { solveDense } from "./support/lp-certificate.js";

const covariance3 = Float64Array.from([0.04, 0.006, 0.01, 0.006, 0.09, -0.012, 0.01, -0.012, 0.0225]);
const caps = [500, 300, 200];

function inverse(m: number[][]): number[][] {
  const k = m.length;
  const columns = Array.from({ length: k }, (_, c) =>
    solveDense(
      m.map((row) => [...row]),
      Array.from({ length: k }, (_, r) => (r === c ? 1 : 0)),
    ),
  );
  return Array.from({ length: k }, (_, r) => columns.map((column) => column[r]!));
}
const matVec = (m: number[][], v: number[]) => m.map((row) => row.reduce((s, a, j) => s + a * v[j]!, 0));
const rowsOf = (flat: Float64Array, n: number) =>
  Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * n, i * n + n)));

describe("Black–Litterman", () => {
  it("without views returns the market-implied prior π = δΣw + rf", () => {
    const result = blackLitterman({ covariance: covariance3, marketCaps: caps, riskAversion: 2.5, riskFreeRate: 0.02 });
    const w = caps.map((c) => c / 1000);
    const expected = matVec(rowsOf(covariance3, 3), w).map((v) => 2.5 * v + 0.02);
    expected.forEach((v, i) => {
      expect(result.priorReturns[i]!).toBeCloseTo(v, 15);
      expect(result.posteriorReturns[i]!).toBeCloseTo(v, 15);
    });
  });

  it("with a 100 %-confident view reproduces the view exactly", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.1, max: 0.3, noNaN: true }),
        fc.double({ min: -0.1, max: 0.1, noNaN: true }),
        (absolute, relative) => {
          const result = blackLitterman({
            covariance: covariance3,
            marketCaps: caps,
            views: [
              { weights: [0, 1, 0], value: absolute, confidence: 1 },
              { weights: [1, 0, -1], value: relative, confidence: 1 },
            ],
          });
          expect(result.posteriorReturns[1]!).toBeCloseTo(absolute, 12);
          expect(result.posteriorReturns[0]! - result.posteriorReturns[2]!).toBeCloseTo(relative, 12);
        },
      ),
    );
  });

  it("matches the textbook precision-weighted form μ = [(τΣ)⁻¹ + PᵀΩ⁻¹P]⁻¹[(τΣ)⁻¹π + PᵀΩ⁻¹Q]", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        (c1, c2, tau) => {
          const views = [
            { weights: [0, 0, 1], value: 0.07, confidence: c1 },
            { weights: [0.5, 0.5, -1], value: 0.02, confidence: c2 },
          ];
          const result = blackLitterman({ covariance: covariance3, marketCaps: caps, tau, views });
          const sigma = rowsOf(covariance3, 3);
          const tauSigmaInverse = inverse(sigma.map((row) => row.map((v) => v * tau)));
          const p = views.map((v) => v.weights);
          const omega = views.map((v, k) => {
            const sp = matVec(sigma, p[k]!);
            return tau * (1 / v.confidence - 1) * p[k]!.reduce((s, a, i) => s + a * sp[i]!, 0);
          });
          const precision = tauSigmaInverse.map((row, i) =>
            row.map((v, j) => v + p.reduce((s, pk, k) => s + (pk[i]! * pk[j]!) / omega[k]!, 0)),
          );
          const pi = Array.from(result.priorReturns);
          const rhs = matVec(tauSigmaInverse, pi).map(
            (v, i) => v + p.reduce((s, pk, k) => s + (pk[i]! * views[k]!.value) / omega[k]!, 0),
          );
          const expected = solveDense(precision, rhs);
          expected.forEach((v, i) => {
            expect(result.posteriorReturns[i]!).toBeCloseTo(v, 12);
          });
          // Posterior covariance: Σ + [(τΣ)⁻¹ + PᵀΩ⁻¹P]⁻¹.
          const m = inverse(precision);
          for (let i = 0; i < 3; i++) {
            for (let j = 0; j < 3; j++)
              expect(result.posteriorCovariance[i * 3 + j]!).toBeCloseTo(sigma[i]![j]! + m[i]![j]!, 12);
          }
        },
      ),
    );
  });

  it("drops 0 %-confident views and rejects bad input", () => {
    const base = blackLitterman({ covariance: covariance3, marketCaps: caps });
    const ignored = blackLitterman({
      covariance: covariance3,
      marketCaps: caps,
      views: [{ weights: [1, 0, 0], value: 1, confidence: 0 }],
    });
    expect(Array.from(ignored.posteriorReturns)).toEqual(Array.from(base.posteriorReturns));
    expect(() => blackLitterman({ covariance: covariance3, marketCaps: [1, 2] })).toThrow(/3×3|2×2/);
    expect(() =>
      blackLitterman({
        covariance: covariance3,
        marketCaps: caps,
        views: [{ weights: [1, 0, 0], value: 0.1, confidence: 2 }],
      }),
    ).toThrow(/confidence/i);
  });
});
