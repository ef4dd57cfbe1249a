import { describe, expect, it } from "vitest";
import {
  assetCorrelation,
  bivariateNormalCdf,
  correlationMatrix,
  correlationSeries,
  percentileCorrelation,
} from "../src/correlation/index.js";
import { empiricalCopula, sampleCorrelation, samplePercentiles, standardize } from "../src/estimators/index.js";
import { normalCdf, normalPdf } from "../src/probability/index.js";
import { logReturns } from "../src/returns/index.js";
import { codeOf } from "./support/assertions.js";
import { recordedPrices } from "./support/recorded-prices.js";

/** Φ₂ by quadrature of ∫_{−∞}^{x} φ(t) Φ((y − ρt)/√(1−ρ²)) dt (composite Simpson, 20,000 panels). */
function quadratureBivariateCdf(x: number, y: number, rho: number): number {
  const lower = -12;
  const panels = 20_000;
  const h = (x - lower) / panels;
  const s = Math.sqrt(1 - rho * rho);
  const f = (t: number) => normalPdf(t) * normalCdf((y - rho * t) / s);
  let sum = f(lower) + f(x);
  for (let i = 1; i < panels; i++) sum += (i % 2 === 1 ? 4 : 2) * f(lower + i * h);
  return (sum * h) / 3;
}

/** Box–Muller normal pairs from a seeded LCG. */
function correlatedNormals(n: number, rho: number, seed: number): [Float64Array, Float64Array] {
  let state = seed;
  const uniform = () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return (state + 0.5) / 2 ** 32;
  };
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const radius = Math.sqrt(-2 * Math.log(uniform()));
    const angle = 2 * Math.PI * uniform();
    const z1 = radius * Math.cos(angle);
    const z2 = radius * Math.sin(angle);
    x[i] = z1;
    y[i] = rho * z1 + Math.sqrt(1 - rho * rho) * z2;
  }
  return [x, y];
}

describe("bivariateNormalCdf (Genz)", () => {
  it.each([-0.999, -0.95, -0.9, -0.5, -0.2, 0, 0.2, 0.5, 0.9, 0.93, 0.99, 0.999])(
    "Φ₂(0, 0; %f) = 1/4 + asin(ρ)/(2π)",
    (rho) => {
      expect(Math.abs(bivariateNormalCdf(0, 0, rho) - (0.25 + Math.asin(rho) / (2 * Math.PI)))).toBeLessThan(1e-14);
    },
  );

  it("factorises at ρ = 0 and matches quadrature elsewhere to 1e-10", () => {
    expect(Math.abs(bivariateNormalCdf(0.3, -1.2, 0) - normalCdf(0.3) * normalCdf(-1.2))).toBeLessThan(1e-15);
    for (const [x, y] of [
      [-1.28, -1.28],
      [-0.99, 1.5],
      [1.2, 0.4],
      [2.5, -0.3],
    ] as const) {
      for (const rho of [-0.97, -0.6, -0.1, 0.25, 0.7, 0.95]) {
        expect(Math.abs(bivariateNormalCdf(x, y, rho) - quadratureBivariateCdf(x, y, rho))).toBeLessThan(1e-10);
      }
    }
  });

  it("handles the limits: Φ₂(x, +∞) = Φ(x), Φ₂(−∞, y) = 0", () => {
    expect(bivariateNormalCdf(0.7, Number.POSITIVE_INFINITY, 0.4)).toBeCloseTo(normalCdf(0.7), 15);
    expect(bivariateNormalCdf(Number.NEGATIVE_INFINITY, 0.2, 0.4)).toBe(0);
  });
});

describe("percentileCorrelation (§2.14.3 implemented, D-04)", () => {
  it.each([-0.6, 0, 0.3, 0.8])("recovers ρ = %f from 20,000 simulated normal pairs within 0.03", (rho) => {
    const [x, y] = correlatedNormals(20_000, rho, 12345);
    expect(Math.abs(percentileCorrelation(x, y) - rho)).toBeLessThan(0.03);
  });

  it("is the least-squares minimiser on ALLY–SPY: no point of a fine grid does better", () => {
    const x = logReturns(recordedPrices("ALLY").close);
    const y = logReturns(recordedPrices("SPY").close);
    const rho = assetCorrelation(recordedPrices("ALLY"), recordedPrices("SPY"), { method: "percentiles" }).correlation;
    const sx = standardize(x);
    const sy = standardize(y);
    const ps = [0.1, 0.16, 0.5, 0.84, 0.9];
    const qx = samplePercentiles(sx, ps);
    const qy = samplePercentiles(sy, ps);
    const objective = (r: number) =>
      qx.reduce(
        (sum, xk, k) => sum + (bivariateNormalCdf(xk, qy[k]!, r) - empiricalCopula(sx, sy, xk, qy[k]!)) ** 2,
        0,
      );
    const atRho = objective(rho);
    for (let r = -0.99999; r <= 0.99999; r += 0.0005) expect(atRho).toBeLessThanOrEqual(objective(r) + 1e-15);
    expect(rho).toBeGreaterThan(-1);
    expect(rho).toBeLessThan(1);
  });
});

describe("assetCorrelation, correlationMatrix, correlationSeries", () => {
  it("one asset gives [[1]], none is SAMPLE_TOO_SMALL, unknown method is UNKNOWN_METHOD", () => {
    expect(correlationMatrix([recordedPrices("SPY")]).correlation_matrix).toEqual([[1]]);
    expect(codeOf(() => correlationMatrix([]))).toBe("SAMPLE_TOO_SMALL");
    expect(codeOf(() => assetCorrelation(recordedPrices("SPY"), recordedPrices("GLD"), { method: "x" as never }))).toBe(
      "UNKNOWN_METHOD",
    );
  });

  it("repairs pairwise estimates that are jointly inconsistent, and says so", () => {
    // Three assets on disjoint-ish date sets can produce an inconsistent pairwise matrix: A≈B, B≈C, A≈−C.
    const days = Array.from({ length: 8 }, (_, i) => `2021-01-0${i + 1}`.slice(0, 10));
    const up = [1, 2, 1.5, 3, 2, 4, 3, 5];
    const down = up.map((p) => 10 / p);
    const series = (dates: string[], close: number[]) => ({ dates, close: Float64Array.from(close) });
    const a = series(days.slice(0, 4).concat(["2021-02-01", "2021-02-02", "2021-02-03", "2021-02-04"]), [
      ...up.slice(0, 4),
      ...up.slice(0, 4),
    ]);
    const b = series(days.slice(0, 4).concat(["2021-02-01", "2021-02-02", "2021-02-03", "2021-02-04"]), [
      ...up.slice(0, 4),
      ...down.slice(0, 4),
    ]);
    const c = series(["2021-02-01", "2021-02-02", "2021-02-03", "2021-02-04"], down.slice(0, 4));
    const result = correlationMatrix([a, b, c]);
    expect(result.min_eigenvalue).toBeLessThan(0);
    expect(result.repaired).toBe(true);
    result.correlation_matrix.forEach((row, i) => {
      expect(row[i]).toBeCloseTo(1, 12);
      row.forEach((v, j) => {
        expect(v).toBe(result.correlation_matrix[j]![i]);
      });
    });
  });

  it("series on identical dates (one Gram product) give the pairwise Pearson values", () => {
    const series = ["ALLY", "BX", "SPY", "GLD", "DIS"].map((t) => recordedPrices(t));
    const { correlation_matrix } = correlationMatrix(series, { method: "likelihood" });
    series.forEach((a, i) => {
      series.forEach((b, j) => {
        const expected = i === j ? 1 : assetCorrelation(a, b).correlation;
        expect(Math.abs(correlation_matrix[i]![j]! - expected)).toBeLessThan(1e-13);
      });
    });
  });

  it("rolling correlation equals Pearson on each trailing window", () => {
    const ally = recordedPrices("ALLY", "2021-01-01");
    const spy = recordedPrices("SPY", "2021-01-01");
    const series = correlationSeries(ally, spy, { window: 60, from: "2021-11-01" });
    const dates = Object.keys(series);
    expect(dates[0]).toBe("2021-11-01");
    expect(dates[dates.length - 1]).toBe("2021-11-19");
    const x = logReturns(ally.close);
    const y = logReturns(spy.close);
    for (const date of dates) {
      const end = ally.dates.indexOf(date);
      const expected = sampleCorrelation(x.slice(end - 60, end), y.slice(end - 60, end));
      expect(Math.abs(series[date]! - expected)).toBeLessThan(1e-12);
    }
    expect(codeOf(() => correlationSeries(recordedPrices("ALLY"), recordedPrices("SPY")))).toBe("SAMPLE_TOO_SMALL");
  });
});
