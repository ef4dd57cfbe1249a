export { correlationFromCovariance } from "./correlation-from-covariance.js";
export {
  COVARIANCE_METHODS,
  type CovarianceEstimate,
  type CovarianceMethod,
  type CovarianceOptions,
  covarianceMatrix,
} from "./covariance-matrix.js";
export { panelCorrelationMatrix } from "./panel-correlation-matrix.js";
export { type ReturnsPanel, returnsPanel, returnsPanelFromPrices } from "./returns-panel.js";
export { sampleCorrelationMatrix } from "./sample-correlation-matrix.js";
