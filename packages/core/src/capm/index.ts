export { betaFromStatistics, costOfEquity, marketPremium, returnCovariance, sharpeRatio } from "./capm.js";
export { type MarketBetaOptions, marketBeta } from "./market-beta.js";
