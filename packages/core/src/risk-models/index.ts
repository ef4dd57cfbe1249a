export { pairwiseSampleCovariance } from "./pairwise-covariance.js";
export { nearestPsdCovariance, type PsdRepair } from "./psd-repair.js";
export type { CovarianceResult } from "./risk-model-result.js";
export {
  EWMA_CENTRINGS,
  type EwmaCentring,
  type EwmaCovarianceOptions,
  ewmaCovarianceMatrix,
  type SemicovarianceOptions,
  sampleCovarianceMatrix,
  semicovarianceMatrix,
} from "./sample-covariances.js";
export {
  covarianceFromCorrelation,
  LEDOIT_WOLF_TARGETS,
  type LedoitWolfOptions,
  type LedoitWolfTarget,
  ledoitWolfCovariance,
  oracleApproximatingShrinkage,
  shrunkCovariance,
} from "./shrinkage.js";
