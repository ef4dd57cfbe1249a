import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { singleLinkageOrder } from "../src/hrp/single-linkage.js";
import { hierarchicalRiskParity, portfolioModel } from "../src/index.js";

const diagonal = (vols: number[]) => vols.map((a, i) => vols.map((b, j) => (i === j ? a * b : 0)));

describe("hierarchical risk parity", () => {
  it("on uncorrelated assets is the inverse-variance portfolio", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.05, max: 0.8, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (vols) => {
          const model = portfolioModel({ annualReturns: vols.map(() => 0.1), covariance: diagonal(vols) });
          const { weights } = hierarchicalRiskParity(model);
          const inverse = vols.map((v) => 1 / (v * v));
          const total = inverse.reduce((s, v) => s + v, 0);
          inverse.forEach((v, i) => {
            expect(weights[i]!).toBeCloseTo(v / total, 12);
          });
        },
      ),
    );
  });

  it("on two uncorrelated blocks splits by the blocks' inverse-variance variances, analytically", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.05, max: 0.6, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.double({ min: 0.2, max: 0.95, noNaN: true }),
        fc.double({ min: 0.2, max: 0.95, noNaN: true }),
        fc.constantFrom<number[]>([0, 1, 2, 3], [0, 2, 1, 3], [3, 1, 0, 2]),
        (vols, rhoA, rhoB, layout) => {
          // Assets layout[0], layout[1] form block A; layout[2], layout[3] block B.
          const blockOf = (i: number) => (layout.indexOf(i) < 2 ? 0 : 1);
          const rho = [rhoA, rhoB];
          const covariance = vols.map((a, i) =>
            vols.map((b, j) => (i === j ? a * a : blockOf(i) === blockOf(j) ? rho[blockOf(i)]! * a * b : 0)),
          );
          const model = portfolioModel({ annualReturns: [0.1, 0.1, 0.1, 0.1], covariance });
          const { weights } = hierarchicalRiskParity(model);
          const inside = (i: number, j: number) => {
            const wi = vols[j]! ** 2 / (vols[i]! ** 2 + vols[j]! ** 2);
            const wj = 1 - wi;
            const r = rho[blockOf(i)]!;
            const variance = wi ** 2 * vols[i]! ** 2 + wj ** 2 * vols[j]! ** 2 + 2 * wi * wj * r * vols[i]! * vols[j]!;
            return { wi, wj, variance };
          };
          const a = inside(layout[0]!, layout[1]!);
          const b = inside(layout[2]!, layout[3]!);
          const alphaA = b.variance / (a.variance + b.variance);
          expect(weights[layout[0]!]!).toBeCloseTo(alphaA * a.wi, 12);
          expect(weights[layout[1]!]!).toBeCloseTo(alphaA * a.wj, 12);
          expect(weights[layout[2]!]!).toBeCloseTo((1 - alphaA) * b.wi, 12);
          expect(weights[layout[3]!]!).toBeCloseTo((1 - alphaA) * b.wj, 12);
        },
      ),
    );
  });

  it("single linkage forms the same clusters as naive agglomeration", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 12 })
          .chain((n) =>
            fc.tuple(fc.constant(n), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: n * n, maxLength: n * n })),
          ),
        ([n, raw]) => {
          const distance = new Float64Array(n * n);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < i; j++) distance[i * n + j] = distance[j * n + i] = raw[i * n + j]! + (i * n + j) / 1e6;
          const order = singleLinkageOrder(distance, n);
          expect([...order].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
          // Naive O(n³) single linkage: every cluster it forms must be contiguous in the dendrogram order.
          let clusters = Array.from({ length: n }, (_, i) => [i]);
          while (clusters.length > 1) {
            let best = { a: 0, b: 1, d: Number.POSITIVE_INFINITY };
            for (let a = 0; a < clusters.length; a++) {
              for (let b = a + 1; b < clusters.length; b++) {
                let d = Number.POSITIVE_INFINITY;
                for (const i of clusters[a]!) for (const j of clusters[b]!) d = Math.min(d, distance[i * n + j]!);
                if (d < best.d) best = { a, b, d };
              }
            }
            const merged = [...clusters[best.a]!, ...clusters[best.b]!];
            const positions = merged.map((i) => order.indexOf(i)).sort((x, y) => x - y);
            expect(positions.at(-1)! - positions[0]!).toBe(merged.length - 1);
            clusters = clusters.filter((_, k) => k !== best.a && k !== best.b);
            clusters.push(merged);
          }
        },
      ),
    );
  });

  it("is long-only and fully invested on a random market", () => {
    const n = 40;
    const covariance = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 0.04 + 0.001 * i : 0.01 * Math.cos(i - j) * 0.5)),
    );
    const { weights } = hierarchicalRiskParity(portfolioModel({ annualReturns: new Array(n).fill(0.1), covariance }));
    expect(Math.abs(weights.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
    for (const w of weights) expect(w).toBeGreaterThan(0);
  });
});
