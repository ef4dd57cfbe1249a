export { DEFAULT_PERIODS_PER_YEAR } from "./estimator-options.js";
export {
  type ExpectedReturnsOptions,
  type ExpectedReturnsResult,
  expectedReturns,
  MEAN_METHODS,
  type MeanMethod,
} from "./expected-returns.js";
export {
  type LabelledPanel,
  MISSING_DATA_POLICIES,
  type MissingDataPolicy,
  type PriceInput,
  type PricePanel,
  type PricesByTicker,
  pricePanel,
} from "./price-panel.js";
export { RETURN_KINDS, type ReturnKind, type ReturnsTable, returnsFromPrices } from "./returns-table.js";
export {
  correlationByTicker,
  RISK_MODELS,
  type RiskModelMethod,
  type RiskModelOptions,
  type RiskModelResult,
  riskModel,
} from "./risk-model.js";
export { allocateByTicker, type TickerAllocation, type TickerAllocationInput } from "./ticker-allocation.js";
export {
  labelPortfolio,
  type TickerPortfolio,
  type TickerPortfolioModel,
  tickerPortfolioModel,
} from "./ticker-portfolio.js";
export {
  type TickerTransactionCostsInput,
  tickerTransactionCosts,
} from "./ticker-transaction-costs.js";
