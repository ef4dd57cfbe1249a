export { ESTIMATION_METHODS, type EstimationMethod, parseEstimationMethod } from "./estimation-method.js";
export {
  MINIMUM_PROFILE_PRICES,
  type ProfileOptions,
  profileFromLogReturns,
  type RiskProfile,
  riskProfile,
} from "./risk-profile.js";
