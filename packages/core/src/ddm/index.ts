export {
  type DiscountDividendInput,
  type DiscountDividendValuation,
  discountDividendModel,
} from "./discount-dividend-model.js";
export {
  type DividendProjection,
  fitDividendGrowth,
  type LinearDividendGrowth,
  projectedDividend,
} from "./dividend-growth.js";
export { type DividendPayment, inferPaymentPeriod, sortedDividends } from "./dividend-history.js";
export { type DividendNpv, type DividendNpvInput, dividendNpv, type NpvMethod } from "./dividend-npv.js";
export { type NextPayment, timeToNextPayment } from "./next-payment.js";
