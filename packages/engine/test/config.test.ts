import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/index.js";

describe("configuration from the environment", () => {
  it("has the spec's defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      CACHE_MODE: "sqlite",
      RISK_FREE: "TEN_YEAR",
      MARKET_PROXY: "SPY",
      DEFAULT_ESTIMATION_METHOD: "moments",
      DEFAULT_ANALYSIS_PERIOD: 100,
      FRONTIER_STEPS: 5,
      MA_1: 20,
      MA_2: 60,
      MA_3: 100,
    });
  });

  it("strips quotes and upper-cases RISK_FREE", () => {
    expect(loadConfig({ RISK_FREE: "'one_year'" }).RISK_FREE).toBe("ONE_YEAR");
  });

  it.each([
    ["CACHE_MODE", "redis"],
    ["RISK_FREE", "TEN_DAYS"],
    ["FRONTIER_STEPS", "many"],
    ["ALPHA_VANTAGE_URL", "not a url"],
    ["DEFAULT_ESTIMATION_METHOD", "percents"],
  ])("a bad %s is a CONFIG error naming it", (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrowError(
      expect.objectContaining({ code: "CONFIG", message: expect.stringContaining(variable) }),
    );
  });

  it("PRICE_MANAGER=csv needs PRICE_DIR", () => {
    expect(() => loadConfig({ PRICE_MANAGER: "csv" })).toThrowError(expect.objectContaining({ code: "CONFIG" }));
  });
});
