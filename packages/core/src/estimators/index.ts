export { empiricalCopula } from "./empirical-copula.js";
export { type BivariateNormalParameters, bivariateNormalLogLikelihood, normalLogLikelihood } from "./log-likelihood.js";
export { sampleCovariance, sampleMean, sampleStandardDeviation, sampleVariance } from "./moments.js";
export { sampleCorrelation } from "./pearson-correlation.js";
export { qqSeries } from "./qq-series.js";
export { recursiveSumOfSquares, rollWindow, type WindowMoments } from "./rolling-window.js";
export { samplePercentile, samplePercentiles } from "./sample-percentile.js";
export { type Regression, simpleRegression } from "./simple-regression.js";
export { standardize } from "./standardize.js";
