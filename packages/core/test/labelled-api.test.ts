import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expectedReturns,
  labelPortfolio,
  pricePanel,
  returnsFromPrices,
  riskModel,
  tickerPortfolioModel,
} from "../src/labelled/index.js";
import {
  maximumSharpe,
  minimumConditionalValueAtRisk,
  minimumVariance,
  portfolioModel,
} from "../src/portfolio/index.js";
import {
  ewmaCovarianceMatrix,
  ledoitWolfCovariance,
  oracleApproximatingShrinkage,
  sampleCovarianceMatrix,
  semicovarianceMatrix,
} from "../src/risk-models/index.js";
import { codeOf, expectCode } from "./support/assertions.js";
import { factorReturns, isoDay, maxRelativeGap, pricesFromReturns } from "./support/synthetic-panel.js";

const panel = factorReturns(4, 60, 3);
const tickers = ["SPY", "GLD", "BX", "ALLY"];
const prices = pricesFromReturns(panel, tickers);
const dates = prices.SPY!.dates;
const asRows = tickers.map((t) => prices[t]!.close);

describe("price panels: shape checks name the orientation", () => {
  it("accepts { tickers, dates, values } as assets × days, nested or flat, like the series by ticker", () => {
    const nested = riskModel({ tickers, dates, values: asRows });
    const flat = riskModel({ tickers, dates, values: Float64Array.from(asRows.flat()) });
    const bySeries = riskModel(prices);
    expect(nested).toEqual(bySeries);
    expect(flat).toEqual(bySeries);
  });

  it("rejects a transposed panel (days × assets) with INVALID_INPUT naming the expected orientation", () => {
    const transposed = dates.map((_, t) => asRows.map((r) => r[t]!));
    expect(() => riskModel({ tickers, dates, values: transposed })).toThrow(/transposed.*assets × days/);
    expectCode(() => expectedReturns({ tickers, dates, values: transposed }), "INVALID_INPUT");
  });

  it("property: any transposed non-square panel is rejected, never answered", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 3, max: 30 }), fc.integer(), (n, days, seed) => {
        fc.pre(n !== days + 1);
        const names = Array.from({ length: n }, (_, i) => `T${i}`);
        const series = pricesFromReturns(factorReturns(n, days, seed), names);
        const values = series.T0!.dates.map((_, t) => names.map((name) => series[name]!.close[t]!));
        expect(codeOf(() => riskModel({ tickers: names, dates: series.T0!.dates, values }))).toBe("INVALID_INPUT");
        expect(codeOf(() => pricePanel({ tickers: names, dates: series.T0!.dates, values }))).toBe("INVALID_INPUT");
      }),
      { numRuns: 60 },
    );
  });

  it("rejects rows that do not match the tickers or dates, flat arrays of the wrong size, bad prices", () => {
    expect(() => riskModel({ tickers, dates, values: asRows.slice(1) })).toThrow(/3 rows for 4 tickers/);
    expect(() => riskModel({ tickers, dates: dates.slice(1), values: asRows })).toThrow(/Row 0 \(SPY\)/);
    expect(() => riskModel({ tickers, dates, values: new Float64Array(7) })).toThrow(/assets × days/);
    expect(() =>
      riskModel({ ...prices, GLD: { dates, close: prices.GLD!.close.map((p, t) => (t === 9 ? -p : p)) } }),
    ).toThrow(`The price of GLD on ${isoDay(9)}`);
    expectCode(() => riskModel({ tickers: ["A", "A"], dates, values: asRows.slice(0, 2) }), "INVALID_INPUT");
    expectCode(() => riskModel({ SPY: { dates: [...dates].reverse(), close: prices.SPY!.close } }), "INVALID_INPUT");
  });

  it("returnsFromPrices labels returns by the date each period ends", () => {
    const table = returnsFromPrices(prices, { returns: "log" });
    expect(table.dates[0]).toBe(dates[1]);
    expect(table.values[0]).toBeCloseTo(Math.log(prices.SPY!.close[1]! / prices.SPY!.close[0]!), 15);
  });
});

describe("options: optional where a default exists, typed errors otherwise", () => {
  it("a string, NaN or unknown option is INVALID_INPUT", () => {
    expectCode(() => riskModel(prices, { periodsPerYear: Number.NaN }), "INVALID_INPUT");
    expect(() => riskModel(prices, { periodsPerYear: Number.NaN })).toThrow(
      "Option periodsPerYear is NaN; pass a positive",
    );
    expect(() => expectedReturns(prices, { method: "ewma", halfLife: "5" as never })).toThrow('Option halfLife is "5"');
    expectCode(() => riskModel(prices, { periodsPerYear: "252" as unknown as number }), "INVALID_INPUT");
    expectCode(() => riskModel(prices, { method: "ledoit" as never }), "INVALID_INPUT");
    expectCode(() => riskModel(prices, { method: "ewma", span: 10, halfLife: 5 }), "INVALID_INPUT");
    expectCode(() => expectedReturns(prices, { method: "ewma", span: Number.NaN }), "INVALID_INPUT");
    expectCode(() => riskModel(prices, { missing: "pairwise", method: "oas" }), "INVALID_INPUT");
    expectCode(() => riskModel(prices, "sample" as never), "INVALID_INPUT");
  });

  it("optimisers: maximumSharpe(model) needs no options; a string or NaN target is INVALID_INPUT, not INFEASIBLE", () => {
    const model = portfolioModel({
      annualReturns: [0.1, 0.15, 0.08],
      covariance: [
        [0.04, 0.01, 0],
        [0.01, 0.09, 0.01],
        [0, 0.01, 0.02],
      ],
    });
    const sharpe = maximumSharpe(model);
    expect(sharpe.sharpeRatio).toBeCloseTo(sharpe.annualReturn / sharpe.annualVolatility, 14);
    expectCode(() => minimumVariance(model, { targetReturn: "0.1" as unknown as number }), "INVALID_INPUT");
    expectCode(() => minimumVariance(model, { targetReturn: Number.NaN }), "INVALID_INPUT");
    expectCode(() => maximumSharpe(model, { riskFreeRate: Number.NaN }), "INVALID_INPUT");
    expectCode(() => minimumVariance(model, { riskFreeRate: "0.02" as unknown as number }), "INVALID_INPUT");
    expectCode(() => minimumConditionalValueAtRisk(model, undefined as never), "INVALID_INPUT");
    expect(codeOf(() => minimumVariance(model, { targetReturn: 0.5 }))).toBe("INFEASIBLE");
  });
});

describe("labelled results", () => {
  it("risk models match the positional fast path exactly and carry tickers and their basis", () => {
    const lw = riskModel(prices, { method: "ledoit-wolf-constant-correlation", returns: "simple" });
    const positional = ledoitWolfCovariance(panel, { target: "constant-correlation" });
    expect(maxRelativeGap(Float64Array.from(lw.covariance.flat()), positional.covariance, 1e-20)).toBeLessThan(1e-12);
    expect(lw.shrinkage).toBeCloseTo(positional.shrinkage!, 12);
    expect(lw).toMatchObject({
      tickers,
      annualised: true,
      periodsPerYear: 252,
      method: "ledoit-wolf-constant-correlation",
    });
    const daily = riskModel(prices, { annualise: false });
    const sample = sampleCovarianceMatrix(panel, { periodsPerYear: 1 });
    expect(maxRelativeGap(Float64Array.from(daily.covariance.flat()), sample.covariance, 1e-20)).toBeLessThan(1e-12);
  });

  it("property: every labelled risk model equals its positional fast path on the same returns", () => {
    const positional = {
      sample: (p: typeof panel) => sampleCovarianceMatrix(p),
      oas: (p: typeof panel) => oracleApproximatingShrinkage(p),
      "ledoit-wolf": (p: typeof panel) => ledoitWolfCovariance(p),
      "ledoit-wolf-single-factor": (p: typeof panel) => ledoitWolfCovariance(p, { target: "single-factor" }),
      semicov: (p: typeof panel) => semicovarianceMatrix(p),
      ewma: (p: typeof panel) => ewmaCovarianceMatrix(p),
    } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 3, max: 50 }),
        fc.integer(),
        fc.constantFrom(...(Object.keys(positional) as (keyof typeof positional)[])),
        (n, days, seed, method) => {
          const returns = factorReturns(n, days, seed);
          const names = Array.from({ length: n }, (_, i) => `T${i}`);
          const labelled = riskModel(pricesFromReturns(returns, names), { method });
          // The labelled path recomputes returns from prices: equal to the panel's returns to a few ulps.
          const expected = positional[method](returns).covariance;
          // An all-zero matrix is possible (semicov of one asset whose few returns all beat the benchmark): the
          // floor then keeps 0/0 from reading as NaN, while any non-zero entry of the labelled result still fails.
          const floor = Math.max(1e-9 * Math.max(...Array.from(expected, Math.abs)), 1e-300);
          expect(maxRelativeGap(Float64Array.from(labelled.covariance.flat()), expected, floor)).toBeLessThan(1e-9);
          const direct = positional[method](returnsFromPrices(pricesFromReturns(returns, names))).covariance;
          expect(Array.from(direct)).toEqual(labelled.covariance.flat());
        },
      ),
      { numRuns: 80 },
    );
  });

  it("prices by ticker in, weights by ticker out; JSON reads as a table", () => {
    const model = tickerPortfolioModel(expectedReturns(prices), riskModel(prices, { method: "ledoit-wolf" }));
    const labelled = labelPortfolio(model, minimumVariance(model));
    const positional = minimumVariance(model).weights;
    expect(Object.keys(labelled.weights)).toEqual(tickers);
    tickers.forEach((t, i) => {
      expect(labelled.weights[t]).toBe(Math.abs(positional[i]!) < 1e-12 ? 0 : positional[i]);
    });
    const json = JSON.parse(JSON.stringify(labelled)) as { weights: Record<string, number> };
    expect(Object.values(json.weights).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });

  it("refuses per-period estimates and mismatched tickers for a portfolio", () => {
    expectCode(
      () => tickerPortfolioModel(expectedReturns(prices, { annualise: false }), riskModel(prices)),
      "INVALID_INPUT",
    );
    const { SPY: _, ...fewer } = prices;
    expectCode(() => tickerPortfolioModel(expectedReturns(fewer), riskModel(prices)), "INVALID_INPUT");
  });

  it("pairwise sample covariance keeps every date and reports its PSD repair", () => {
    const gappy = { ...prices, BX: { dates: dates.slice(20), close: prices.BX!.close.slice(20) } };
    expectCode(() => riskModel(gappy), "INVALID_INPUT");
    const pairwise = riskModel(gappy, { missing: "pairwise" });
    const complete = riskModel(gappy, { missing: "complete-cases" });
    expect(pairwise.repaired).toBeTypeOf("boolean");
    // SPY–GLD use all 59 returns pairwise but only the last 39 as complete cases.
    const full = riskModel(prices);
    expect(pairwise.covariance[0]![1]).toBeCloseTo(full.covariance[0]![1]!, 15);
    expect(complete.covariance[0]![1]).not.toBeCloseTo(full.covariance[0]![1]!, 10);
  });
});
