import { describe, expect, it } from "vitest";
import { betaFromStatistics, costOfEquity, marketBeta, returnCovariance, sharpeRatio } from "../src/capm/index.js";
import { percentileCorrelation } from "../src/correlation/index.js";
import { logReturns } from "../src/returns/index.js";
import { codeOf } from "./support/assertions.js";
import { recordedPrices } from "./support/recorded-prices.js";

describe("CAPM helpers", () => {
  it("beta of the market against itself is its own correlation by the requested method (D-22)", () => {
    const spy = recordedPrices("SPY");
    expect(marketBeta(spy, spy, { method: "moments" })).toBeCloseTo(1, 12);
    expect(marketBeta(spy, spy, { method: "likelihood" })).toBeCloseTo(1, 12);
    // Percentile matching of a sample with itself stops short of 1 (its percentiles are not normal).
    const returns = logReturns(spy.close);
    const selfMatch = percentileCorrelation(returns, returns);
    expect(selfMatch).toBeLessThan(1);
    expect(marketBeta(spy, spy, { method: "percentiles" })).toBeCloseTo(selfMatch, 12);
  });

  it("β = ρσa/σm, cost of equity = rf + β(μm − rf), covariance = σaσbρ", () => {
    expect(betaFromStatistics(0.5, 0.3, 0.15)).toBeCloseTo(1, 15);
    expect(costOfEquity(1.5, { annual_return: 0.1, annual_volatility: 0.2 }, 0.02)).toBeCloseTo(0.14, 15);
    expect(returnCovariance(0.2, 0.3, 0.5)).toBeCloseTo(0.03, 15);
  });

  it("rejects a zero volatility and non-finite rates with INVALID_INPUT", () => {
    expect(codeOf(() => sharpeRatio({ annual_return: 0.1, annual_volatility: 0 }, 0.01))).toBe("INVALID_INPUT");
    expect(codeOf(() => sharpeRatio({ annual_return: 0.1, annual_volatility: 0.2 }, Number.NaN))).toBe("INVALID_INPUT");
    expect(codeOf(() => betaFromStatistics(0.5, 0.2, 0))).toBe("INVALID_INPUT");
  });
});
