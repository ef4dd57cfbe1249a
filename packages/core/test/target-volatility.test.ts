import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maximumReturn, minimumVariance, portfolioModel, ScrillaError, targetVolatility } from "../src/index.js";
import { certifyLp, type Row } from "./support/lp-certificate.js";

describe("target volatility", () => {
  it("two assets: the larger root of σ²(x) = σ*² by hand", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 0.2, noNaN: true }),
        fc.double({ min: 0.25, max: 0.5, noNaN: true }),
        fc.double({ min: -0.6, max: 0.6, noNaN: true }),
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        (s1, s2, rho, share) => {
          const covariance = [
            [s1 * s1, rho * s1 * s2],
            [rho * s1 * s2, s2 * s2],
          ];
          const model = portfolioModel({ annualReturns: [0.05, 0.12], covariance });
          const floor = minimumVariance(model).annualVolatility;
          const target = floor + share * (s2 - floor);
          // (1−x)²s1² + x²s2² + 2x(1−x)ρs1s2 = target²  ⇒  a·x² + b·x + c = 0
          const a = s1 * s1 + s2 * s2 - 2 * rho * s1 * s2;
          const b = -2 * s1 * s1 + 2 * rho * s1 * s2;
          const c = s1 * s1 - target * target;
          const x = (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
          const result = targetVolatility(model, { targetVolatility: target });
          expect(result.weights[1]!).toBeCloseTo(x, 10);
          expect(result.annualVolatility).toBeCloseTo(target, 12);
        },
      ),
    );
  });

  const market = fc.integer({ min: 3, max: 8 }).chain((n) =>
    fc
      .record({
        n: fc.constant(n),
        mu: fc.array(
          fc.integer({ min: 100, max: 2500 }).map((bp) => bp / 10_000),
          { minLength: n, maxLength: n },
        ),
        loadings: fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 2 * n, maxLength: 2 * n }),
        idiosyncratic: fc.array(fc.double({ min: 0.005, max: 0.06, noNaN: true }), { minLength: n, maxLength: n }),
        upper: fc.constantFrom(0.4, 0.6, 1),
        cap: fc.constantFrom(0.5, 0.7, 1),
        share: fc.double({ min: 0.01, max: 1.2, noNaN: true }),
      })
      .map(({ loadings, idiosyncratic, ...rest }) => {
        const covariance = Array.from({ length: n }, (_, i) =>
          Array.from({ length: n }, (_, j) => {
            let sum = i === j ? idiosyncratic[i]! : 0;
            for (let f = 0; f < 2; f++) sum += loadings[2 * i + f]! * loadings[2 * j + f]!;
            return sum;
          }),
        );
        return { ...rest, covariance };
      })
      .filter((c) => c.upper * c.n >= 1 && c.cap + (c.n - 2) * c.upper >= 1),
  );

  it("is certified by KKT multipliers computed in the test (random markets, bounds and a group cap)", () => {
    fc.assert(
      fc.property(market, (c) => {
        const membership = c.mu.map((_, i) => (i < 2 ? "g" : undefined));
        const constraints = { bounds: { upper: c.upper }, groups: { membership, limits: { g: { max: c.cap } } } };
        const model = portfolioModel({ annualReturns: c.mu, covariance: c.covariance });
        const low = minimumVariance(model, { bounds: { upper: c.upper } }).annualVolatility;
        const floor = Math.max(low, 0);
        let result: ReturnType<typeof targetVolatility>;
        const target = floor * (1 + c.share);
        try {
          result = targetVolatility(model, { targetVolatility: target, constraints });
        } catch (error) {
          if (error instanceof ScrillaError && error.code === "INFEASIBLE") return;
          throw error;
        }
        const w = result.weights;
        const n = c.n;
        expect(result.annualVolatility).toBeLessThanOrEqual(target * (1 + 1e-12));
        const unit = (i: number, s: number) => Array.from({ length: n }, (_, j) => (j === i ? s : 0));
        const sigmaW = c.covariance.map((row) => row.reduce((s, v, j) => s + v * w[j]!, 0));
        const variance = sigmaW.reduce((s, v, i) => s + v * w[i]!, 0);
        const rows: Row[] = [{ normal: new Array(n).fill(1), bound: 1, equality: true }];
        for (let i = 0; i < n; i++)
          rows.push({ normal: unit(i, 1), bound: 0 }, { normal: unit(i, -c.upper / c.upper), bound: -c.upper });
        rows.push({ normal: membership.map((g) => (g ? -1 : 0)), bound: -c.cap });
        // The volatility budget −wᵀΣw ≥ −σ*², linearised at w (normal −2Σw), active when σ = σ*.
        const active = Math.abs(Math.sqrt(variance) - target) <= 1e-8 * target;
        rows.push({ normal: sigmaW.map((v) => -2 * v), bound: active ? -2 * variance : -2 * variance - 1 });
        const certificate = certifyLp(
          c.mu.map((m) => -m),
          rows,
          w,
        );
        expect(certificate.infeasibility).toBeLessThanOrEqual(1e-9);
        // Relative to the size of the terms that cancel (near-tied returns make the multipliers large).
        const scale = rows.reduce(
          (m, row, k) => Math.max(m, Math.abs(certificate.multipliers[k]!) * Math.max(...row.normal.map(Math.abs))),
          1,
        );
        expect(certificate.stationarity).toBeLessThanOrEqual(1e-8 * scale);
      }),
      { numRuns: 200 },
    );
  });

  it("returns the maximum-return portfolio when the budget does not bind", () => {
    const model = portfolioModel({
      annualReturns: [0.05, 0.1, 0.2],
      covariance: [
        [0.01, 0, 0],
        [0, 0.04, 0],
        [0, 0, 0.09],
      ],
    });
    expect(Array.from(targetVolatility(model, { targetVolatility: 0.5 }).weights)).toEqual(
      Array.from(maximumReturn(model).weights),
    );
  });

  it("is INFEASIBLE below the least attainable volatility, and says what that is", () => {
    const model = portfolioModel({
      annualReturns: [0.05, 0.1],
      covariance: [
        [0.04, 0],
        [0, 0.09],
      ],
    });
    expect(() => targetVolatility(model, { targetVolatility: 0.01 })).toThrow(/least attainable volatility/);
  });
});
