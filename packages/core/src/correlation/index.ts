export { assetCorrelation, type CorrelationOptions, correlationOfReturns } from "./asset-correlation.js";
export { bivariateNormalCdf } from "./bivariate-normal-cdf.js";
export { type CorrelationMatrixResult, correlationMatrix } from "./correlation-matrix.js";
export { type CorrelationSeriesOptions, correlationSeries } from "./correlation-series.js";
export { percentileCorrelation } from "./percentile-correlation.js";
