import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  arithmeticMeanReturns,
  capmReturns,
  ewmaMeanReturns,
  gbmDriftReturns,
  geometricMeanReturns,
} from "../src/expected-returns/index.js";
import { expectedReturns } from "../src/labelled/index.js";
import { riskProfile } from "../src/profile/index.js";
import { factorReturns, isoDay, maxRelativeGap, pricesFromReturns, row } from "./support/synthetic-panel.js";

const TOLERANCE = 1e-12;
const panel = factorReturns(6, 200, 11);
const rows = Array.from({ length: panel.assets }, (_, i) => row(panel, i));
const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;

describe("expected returns against closed forms written here (1e-12 relative)", () => {
  it("arithmetic: ppy · mean", () => {
    expect(
      maxRelativeGap(
        arithmeticMeanReturns(panel, { periodsPerYear: 12 }),
        rows.map((r) => 12 * mean(r)),
      ),
    ).toBeLessThan(TOLERANCE);
  });

  it("geometric (CAGR) from simple and from log returns", () => {
    const cagr = rows.map((r) => r.reduce((g, v) => g * (1 + v), 1) ** (252 / r.length) - 1);
    expect(maxRelativeGap(geometricMeanReturns(panel), cagr)).toBeLessThan(1e-11);
    const logPanel = { ...panel, values: panel.values.map(Math.log1p) };
    expect(maxRelativeGap(geometricMeanReturns(logPanel, { returns: "log" }), cagr)).toBeLessThan(1e-11);
  });

  it("EWMA mean with span and with half-life (pandas adjust=True weights)", () => {
    const reference = (decay: number) =>
      rows.map((r) => {
        const w = r.map((_, t) => decay ** (r.length - 1 - t));
        const total = w.reduce((s, v) => s + v, 0);
        return (252 * r.reduce((s, v, t) => s + w[t]! * v, 0)) / total;
      });
    expect(maxRelativeGap(ewmaMeanReturns(panel, { span: 50 }), reference(1 - 2 / 51))).toBeLessThan(TOLERANCE);
    expect(maxRelativeGap(ewmaMeanReturns(panel, { halfLife: 20 }), reference(0.5 ** (1 / 20)))).toBeLessThan(
      TOLERANCE,
    );
  });

  it("CAPM against the equal-weighted market and against a benchmark", () => {
    const market = rows[0]!.map((_, t) => mean(rows.map((r) => r[t]!)));
    const beta = (r: number[], m: number[]) => {
      const mr = mean(r);
      const mm = mean(m);
      return r.reduce((s, v, t) => s + (v - mr) * (m[t]! - mm), 0) / m.reduce((s, v) => s + (v - mm) ** 2, 0);
    };
    const rf = 0.02;
    const expected = rows.map((r) => rf + beta(r, market) * (252 * mean(market) - rf));
    const capm = capmReturns(panel, { riskFreeRate: rf });
    expect(maxRelativeGap(capm.expectedReturns, expected)).toBeLessThan(TOLERANCE);
    const benchmark = rows[2]!;
    const versus = capmReturns(panel, { market: benchmark, riskFreeRate: rf });
    expect(Math.abs(versus.betas[2]! - 1)).toBeLessThan(1e-14);
    expect(
      maxRelativeGap(
        versus.expectedReturns,
        rows.map((r) => rf + beta(r, benchmark) * (252 * mean(benchmark) - rf)),
      ),
    ).toBeLessThan(TOLERANCE);
  });

  it("gbm equals the engine's moments risk profile (μ = mean/dt + σ²/2)", () => {
    const prices = pricesFromReturns(panel, ["A", "B", "C", "D", "E", "F"]);
    const logPanel = { ...panel, values: panel.values.map(Math.log1p) };
    const drift = gbmDriftReturns(logPanel);
    const profiles = Object.values(prices).map((s) => riskProfile(Float64Array.from(s.close)).annual_return);
    expect(maxRelativeGap(drift, profiles)).toBeLessThan(1e-10);
  });
});

describe("expectedReturns (labelled)", () => {
  const tickers = ["SPY", "GLD", "BX", "ALLY", "TLT", "QQQ"];
  const prices = pricesFromReturns(panel, tickers);

  it("labels the positional numbers by ticker, identically", () => {
    const result = expectedReturns(prices, { method: "arithmetic" });
    expect(result.tickers).toEqual(tickers);
    const positional = arithmeticMeanReturns({ ...panel, values: Float64Array.from(panel.values) });
    expect(maxRelativeGap(result.values, positional)).toBeLessThan(1e-13);
    expect(result.byTicker.GLD).toBe(result.values[1]);
    expect(result).toMatchObject({ annualised: true, periodsPerYear: 252, returns: "simple" });
  });

  it("with a benchmark series aligned on dates, CAPM betas are relative to it", () => {
    const benchmark = prices.SPY!;
    const result = expectedReturns(prices, { method: "capm", benchmark });
    expect(Math.abs(result.betas!.SPY! - 1)).toBeLessThan(1e-12);
  });

  it("annualise: false reports per-period figures; the options object may be omitted", () => {
    const daily = expectedReturns(prices, { annualise: false });
    const annual = expectedReturns(prices);
    expect(daily.annualised).toBe(false);
    expect(
      maxRelativeGap(
        daily.values.map((v) => v * 252),
        annual.values,
      ),
    ).toBeLessThan(1e-14);
  });

  it("property: labelled and positional APIs agree, and annualisation is linear in periodsPerYear", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 3, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 1, max: 400, noNaN: true }),
        fc.constantFrom("arithmetic", "ewma", "capm"),
        (assets, days, seed, ppy, method) => {
          const p = factorReturns(assets, days, seed);
          const names = Array.from({ length: assets }, (_, i) => `X${i}`);
          const labelled = expectedReturns(pricesFromReturns(p, names), {
            method,
            periodsPerYear: ppy,
            returns: "log",
          });
          const perPeriod = expectedReturns(pricesFromReturns(p, names), { method, periodsPerYear: 1, returns: "log" });
          expect(
            maxRelativeGap(
              labelled.values,
              perPeriod.values.map((v) => v * ppy),
              1e-300,
            ),
          ).toBeLessThan(1e-13);
          const logs = {
            ...p,
            values: Float64Array.from(names.flatMap((n) => logReturnsOf(pricesFromReturns(p, names)[n]!.close))),
          };
          const positional =
            method === "arithmetic"
              ? arithmeticMeanReturns(logs, { periodsPerYear: ppy })
              : method === "ewma"
                ? ewmaMeanReturns(logs, { periodsPerYear: ppy })
                : capmReturns(logs, { periodsPerYear: ppy }).expectedReturns;
          expect(labelled.values).toEqual(Array.from(positional));
        },
      ),
      { numRuns: 80 },
    );
  });

  it("dates: a day missing in one series is rejected by default and dropped by complete-cases", () => {
    const gappy = {
      ...prices,
      GLD: { dates: prices.GLD!.dates.filter((_, t) => t !== 5), close: prices.GLD!.close.filter((_, t) => t !== 5) },
    };
    expect(() => expectedReturns(gappy)).toThrow(`GLD has no price on ${isoDay(5)}`);
    const complete = expectedReturns(gappy, { missing: "complete-cases" });
    expect(complete.tickers).toEqual(tickers);
    const pairwise = expectedReturns(gappy, { missing: "pairwise", method: "geometric" });
    // Pairwise CAGR of SPY uses all its returns: the same as with its full series.
    expect(
      Math.abs(pairwise.byTicker.SPY! - expectedReturns(prices, { method: "geometric" }).byTicker.SPY!),
    ).toBeLessThan(1e-15);
    expect(() => expectedReturns(gappy, { missing: "pairwise", method: "ewma" })).toThrow(/complete-cases/);
  });
});

function logReturnsOf(close: readonly number[]): number[] {
  return close.slice(1).map((p, t) => Math.log(p / close[t]!));
}
