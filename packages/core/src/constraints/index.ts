export {
  type ConstrainedEfficientFrontierOptions,
  constrainedEfficientFrontier,
} from "./constrained-efficient-frontier.js";
export { type ConstrainedMaximumSharpeOptions, constrainedMaximumSharpe } from "./constrained-maximum-sharpe.js";
export {
  type ConstrainedMinimumVarianceOptions,
  type ConstrainedOptions,
  constrainedMinimumVariance,
  maximumQuadraticUtility,
  type QuadraticUtilityOptions,
} from "./constrained-optimisers.js";
export type { GroupLimit, LinearWeightConstraint, PortfolioConstraintsInput } from "./portfolio-constraints.js";
export { type TargetVolatilityOptions, targetVolatility } from "./target-volatility.js";
export {
  type TransactionCosts,
  type TransactionCostsInput,
  transactionCost,
  transactionCosts,
} from "./transaction-costs.js";
