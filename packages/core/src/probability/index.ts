export { gbmD1D2, probabilityD1, probabilityD2 } from "./d1-d2.js";
export { forwardPrice, type GbmInput } from "./gbm-input.js";
export { normalCdf, normalPdf, normalQuantile, normalSurvival } from "./normal.js";
export {
  conditionalExpectedValue,
  conditionalValueAtRisk,
  gbmPercentile,
  type RiskLevel,
  valueAtRisk,
} from "./value-at-risk.js";
