import {
  correlationMatrix,
  keepTradingDays,
  minimumVariance,
  NYSE_CALENDAR,
  portfolioModel,
  riskProfile,
  valueAtRisk,
} from "@scrilla/core";
import { describe, expect, it } from "vitest";
import type { CommandOptions } from "../src/index.js";
import { engineForTestFile, recordedSeries, relativeError, WINDOW } from "./support/engine-harness.js";

// Spec Appendix A.1 (moments, exact) and A.2 (Pearson), window 2021-07-14..2021-11-19.
const A1_MOMENTS: Record<string, [number, number]> = {
  ALLY: [-0.1286093252626298, 0.31738145569380244],
  BX: [1.146062541934498, 0.322838620543949],
  SPY: [0.2057412547879529, 0.10835338023228],
  BTC: [1.84891490021831, 0.667316551442401],
  ALGO: [3.1555543152935144, 1.3594733699741286],
};

const engine = engineForTestFile();

describe("engine results equal core's on the same series, and the spec's golden values", () => {
  it("risk profiles of equities and crypto (A.1 moments, 1e-9 relative)", async () => {
    const result = (await engine.run("risk-profile", ["ALLY", "BX", "SPY", "BTC", "ALGO"], WINDOW)) as Record<
      string,
      { annual_return: number; annual_volatility: number; sharpe_ratio: number }
    >;
    for (const [ticker, [mu, sigma]] of Object.entries(A1_MOMENTS)) {
      const profile = result[ticker]!;
      expect(relativeError(profile.annual_return, mu)).toBeLessThan(1e-9);
      expect(relativeError(profile.annual_volatility, sigma)).toBeLessThan(1e-9);
      const assetType = ticker === "BTC" || ticker === "ALGO" ? "crypto" : "equity";
      const core = riskProfile(recordedSeries(ticker).close, { assetType });
      expect(profile.annual_return).toBe(core.annual_return);
      expect(profile.annual_volatility).toBe(core.annual_volatility);
    }
    // A.3: Sharpe of ALLY with the recommended risk-free rate 0.0159.
    expect(relativeError(result.ALLY!.sharpe_ratio, -0.455317482071312)).toBeLessThan(1e-9);
  });

  it("percentile and likelihood profiles (A.1 closed forms)", async () => {
    const percentiles = (await engine.run("rp", ["ALLY"], { ...WINDOW, method: "percentiles" })) as Record<
      string,
      { annual_return: number }
    >;
    expect(relativeError(percentiles.ALLY!.annual_return, 0.08890948029352472)).toBeLessThan(1e-9);
    const likelihood = (await engine.run("rp", ["BTC"], { ...WINDOW, method: "likelihood" })) as Record<
      string,
      { annual_volatility: number }
    >;
    expect(relativeError(likelihood.BTC!.annual_volatility, 0.6647047349568564)).toBeLessThan(1e-9);
  });

  it("the risk-free rate is the latest TEN_YEAR yield published before today (A.3: 0.0159)", async () => {
    expect(await engine.run("risk-free", [], {})).toEqual({ TEN_YEAR: 0.0159 });
  });

  it("correlation matrix (A.2 Pearson) equals core's", async () => {
    const result = (await engine.run("correlation", ["ALLY", "BX", "SPY"], WINDOW)) as {
      correlation_matrix: number[][];
    };
    const m = result.correlation_matrix;
    expect(relativeError(m[0]![1]!, 0.210174607610038)).toBeLessThan(1e-9);
    expect(relativeError(m[0]![2]!, 0.424441731572819)).toBeLessThan(1e-9);
    expect(relativeError(m[1]![2]!, 0.5879645941242769)).toBeLessThan(1e-9);
    const core = correlationMatrix(["ALLY", "BX", "SPY"].map((t) => recordedSeries(t)));
    expect(m).toEqual(core.correlation_matrix);
  });

  it("value at risk (A.3: S0 47.93 → 30.29891518814592)", async () => {
    const result = (await engine.run("var", ["ALLY"], { ...WINDOW, probability: 0.05, expiry: 0.5 })) as Record<
      string,
      { value_at_risk: number; value_at_risk_loss: number }
    >;
    expect(relativeError(result.ALLY!.value_at_risk, 30.29891518814592)).toBeLessThan(1e-9);
    expect(result.ALLY!.value_at_risk_loss).toBeCloseTo(47.93 - 30.29891518814592, 9);
    const p = riskProfile(recordedSeries("ALLY").close);
    const core = valueAtRisk(
      { spot: 47.93, annualReturn: p.annual_return, annualVolatility: p.annual_volatility, expiry: 0.5 },
      0.05,
    );
    expect(result.ALLY!.value_at_risk).toBe(core.priceLevel);
  });

  it("a mixed crypto/equity minimum-variance portfolio equals core's on the same statistics", async () => {
    const tickers = ["BTC", "SPY", "GLD"];
    const result = (await engine.run("optimize-portfolio", tickers, WINDOW)) as {
      holdings: { ticker: string; allocation: number }[];
      portfolio_volatility: number;
    };
    const series = tickers.map((t) => recordedSeries(t));
    const profiles = tickers.map((t, i) =>
      riskProfile(series[i]!.close, { assetType: t === "BTC" ? "crypto" : "equity" }),
    );
    const forCorrelation = series.map((s, i) => (tickers[i] === "BTC" ? keepTradingDays(s, NYSE_CALENDAR) : s));
    const model = portfolioModel({
      annualReturns: profiles.map((p) => p.annual_return),
      annualVolatilities: profiles.map((p) => p.annual_volatility),
      correlation: correlationMatrix(forCorrelation).correlation_matrix,
    });
    const core = minimumVariance(model);
    result.holdings.forEach((h, i) => {
      expect(h.ticker).toBe(tickers[i]);
      expect(h.allocation).toBeCloseTo(core.weights[i]!, 7);
    });
    expect(relativeError(result.portfolio_volatility, core.annualVolatility)).toBeLessThan(1e-9);
    const sum = result.holdings.reduce((s, h) => s + h.allocation, 0);
    expect(sum).toBeCloseTo(1, 6);
  });

  it("shares for an investment use the latest close (D-31) and never exceed it", async () => {
    const result = (await engine.run("opt", ["ALLY", "BX", "SPY"], { ...WINDOW, investment: 10_000 })) as {
      holdings: { shares: number }[];
      total: number;
    };
    expect(result.total).toBeLessThanOrEqual(10_000);
    expect(result.holdings.every((h) => Number.isInteger(h.shares))).toBe(true);
  });
});

describe("bad input gets a typed error", () => {
  it.each([
    ["unknown command", "nonsense", ["SPY"], {}, "INVALID_INPUT"],
    ["probability outside (0, 1)", "var", ["ALLY"], { probability: 1.5, expiry: 1 }, "INVALID_INPUT"],
    ["missing --prob", "var", ["ALLY"], { expiry: 1 }, "INVALID_INPUT"],
    ["start after end", "rp", ["ALLY"], { start: "2021-11-19", end: "2021-07-14" }, "INVALID_INPUT"],
    ["unknown option", "rp", ["ALLY"], { colour: "red" }, "INVALID_INPUT"],
    ["too few tickers", "opt", ["ALLY"], {}, "INVALID_INPUT"],
    ["unknown maturity", "interest", ["TEN_DAYS"], {}, "INVALID_INPUT"],
  ])("%s", async (_name, command, symbols, options, code) => {
    await expect(engine.run(command, symbols, options as CommandOptions)).rejects.toMatchObject({ code });
  });
});
