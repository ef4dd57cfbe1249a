export { type AlignedPrices, alignSeries } from "./align-series.js";
export { annualisedReturns, logReturns } from "./log-returns.js";
export { CALENDAR_DAYS_PER_YEAR, defaultWeekends, samplingPeriod, TRADING_DAYS_PER_YEAR } from "./sampling-period.js";
