import {
  allocateShares,
  discreteAllocation,
  expectedReturns,
  maximumReturn,
  minimumVariance,
  portfolioModel,
  riskModel,
  riskProfile,
} from "@scrilla/core";
import { describe, expect, it } from "vitest";
import type { AllocationResult } from "../src/index.js";
import { engineForTestFile, recordedSeries, relativeError, WINDOW } from "./support/engine-harness.js";

const TICKERS = ["ALLY", "BX", "SPY"];
const engine = engineForTestFile();

const prices = () => Object.fromEntries(TICKERS.map((ticker) => [ticker, recordedSeries(ticker)]));
const weightsOf = (result: AllocationResult) => result.holdings.map((h) => h.allocation);
const close = (ticker: string) => recordedSeries(ticker).close.at(-1)!;

describe("--mean, --risk-model, --returns and --allocation through the engine", () => {
  it("Ledoit–Wolf on log returns with arithmetic means: the same model core builds from the recorded closes", async () => {
    const options = { ...WINDOW, mean: "arithmetic", riskModel: "ledoit-wolf-single-factor", returns: "log" } as const;
    const result = (await engine.run("optimize-portfolio", TICKERS, options)) as AllocationResult;
    const common = { returns: "log", missing: "complete-cases" } as const;
    const mu = expectedReturns(prices(), { ...common, method: "arithmetic" });
    const sigma = riskModel(prices(), { ...common, method: "ledoit-wolf-single-factor" });
    const expected = minimumVariance(portfolioModel({ annualReturns: mu.values, covariance: sigma.covariance }));
    for (const [i, w] of weightsOf(result).entries()) expect(Math.abs(w - expected.weights[i]!)).toBeLessThan(1e-7);
    expect(relativeError(result.portfolio_volatility, expected.annualVolatility)).toBeLessThan(1e-12);
    expect(result.estimators).toEqual({
      mean: "arithmetic",
      risk_model: "ledoit-wolf-single-factor",
      returns: "log",
      shrinkage: sigma.shrinkage,
    });
    expect(sigma.shrinkage).toBeGreaterThan(0);
  });

  it("--risk-model alone keeps scrilla's GBM means (the default), only the covariance changes", async () => {
    const result = (await engine.run("max-return", TICKERS, { ...WINDOW, riskModel: "oas" })) as AllocationResult;
    const gbm = TICKERS.map((ticker) => riskProfile(recordedSeries(ticker).close).annual_return);
    for (const [i, holding] of result.holdings.entries()) {
      expect(relativeError(holding.annual_return, gbm[i]!)).toBeLessThan(1e-6);
    }
    const sigma = riskModel(prices(), { method: "oas", missing: "complete-cases" });
    const expected = maximumReturn(portfolioModel({ annualReturns: gbm, covariance: sigma.covariance }));
    expect(relativeError(result.portfolio_volatility, expected.annualVolatility)).toBeLessThan(1e-9);
    expect(result.estimators).toMatchObject({ mean: "gbm", risk_model: "oas", returns: "simple" });
  });

  it("--allocation exact buys the whole shares of least tracking error; without it the output is unchanged", async () => {
    const investment = 10_000;
    const exact = (await engine.run("opt", TICKERS, {
      ...WINDOW,
      investment,
      allocation: "exact",
    })) as AllocationResult;
    const plain = (await engine.run("opt", TICKERS, { ...WINDOW, investment })) as AllocationResult;
    const closes = TICKERS.map(close);
    const weights = weightsOf(plain);
    const expected = discreteAllocation({ weights, prices: closes, investment, method: "exact" });
    expect(exact.holdings.map((h) => h.shares)).toEqual(expected.shares);
    expect(exact.allocation_method).toBe("exact");
    expect(exact.allocation_rmse).toBeCloseTo(expected.rmse, 6);
    expect(exact.total!).toBeLessThanOrEqual(investment);
    const truncated = allocateShares({ weights, prices: closes, investment });
    expect(plain.holdings.map((h) => h.shares)).toEqual(truncated.shares);
    expect(Object.keys(plain)).not.toContain("allocation_method");
    expect(Object.keys(plain)).not.toContain("estimators");
    expect(exact.allocation_rmse!).toBeLessThanOrEqual(rmse(weights, closes, truncated.shares, investment) + 1e-15);
  });

  it.each([
    [{ riskModel: "ledoit" }, "riskModel"],
    [{ mean: "median" }, "mean"],
    [{ returns: "log" }, "returns"],
    [{ allocation: "exact" }, "allocation"],
  ])("rejects %j with INVALID_INPUT naming %s", async (options, option) => {
    await expect(engine.run("opt", TICKERS, { ...WINDOW, ...options } as never)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { option },
    });
  });
});

function rmse(weights: number[], closes: number[], shares: number[], investment: number): number {
  return Math.sqrt(
    weights.reduce((s, w, i) => s + (w - (shares[i]! * closes[i]!) / investment) ** 2, 0) / weights.length,
  );
}
