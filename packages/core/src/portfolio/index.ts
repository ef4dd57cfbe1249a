export { attainableReturnRange, type ReturnRange } from "./attainable-returns.js";
export type { CovarianceRepair, CovarianceRepairMode } from "./covariance-repair.js";
export { type EfficientFrontierOptions, efficientFrontier } from "./efficient-frontier.js";
export { type AllocationHolding, type AllocationOutput, formatAllocation } from "./format-allocation.js";
export { maximumReturn } from "./maximum-return.js";
export { type MaximumSharpeOptions, maximumSharpe } from "./maximum-sharpe.js";
export { type MinimumCvarOptions, type MinimumCvarPortfolio, minimumConditionalValueAtRisk } from "./minimum-cvar.js";
export { type MinimumVarianceOptions, minimumVariance } from "./minimum-variance.js";
export type { OptimisedPortfolio, OptimiserOptions } from "./optimised-portfolio.js";
export {
  type MatrixInput,
  type PortfolioInput,
  type PortfolioModel,
  type PortfolioModelOptions,
  portfolioModel,
} from "./portfolio-model.js";
export {
  portfolioConditionalValueAtRisk,
  portfolioPercentile,
  type RiskHorizon,
} from "./portfolio-risk.js";
export { portfolioReturn, portfolioSharpeRatio, portfolioVolatility } from "./portfolio-statistics.js";
export { allocateShares, type ShareAllocation, type ShareAllocationInput } from "./share-allocation.js";
export type { WeightBoundsInput } from "./weight-bounds.js";
