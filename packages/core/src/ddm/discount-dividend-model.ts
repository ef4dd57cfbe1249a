import { assertIsoDate } from "../calendar/iso-date.js";
import { fitDividendGrowth, type LinearDividendGrowth } from "./dividend-growth.js";
import { type DividendPayment, inferPaymentPeriod, sortedDividends } from "./dividend-history.js";
import { dividendNpv, type NpvMethod } from "./dividend-npv.js";
import { type NextPayment, timeToNextPayment } from "./next-payment.js";

export interface DiscountDividendInput {
  /** Dividend history in any order. */
  dividends: readonly DividendPayment[];
  /** Annual discount rate, > 0 (e.g. the CAPM cost of equity). */
  discountRate: number;
  /** Valuation date (callers own the clock). */
  today: string;
  /** Years between payments; inferred from the history when absent (needs two payments). */
  period?: number | undefined;
  method?: NpvMethod | undefined;
}

export interface DiscountDividendValuation {
  /** Model price per share (scrilla's `discount_dividend`). */
  npv: number;
  growth: LinearDividendGrowth;
  period: number;
  nextPayment: NextPayment;
  /** Payments summed (Infinity for the closed form). */
  terms: number;
}

/** Discount dividend model (spec §6): linear growth regression, payment period, t0, NPV. */
export function discountDividendModel(input: DiscountDividendInput): DiscountDividendValuation {
  const today = assertIsoDate(input.today);
  const sorted = sortedDividends(input.dividends);
  const growth = fitDividendGrowth(sorted, today);
  const period = input.period ?? inferPaymentPeriod(sorted);
  const nextPayment = timeToNextPayment(sorted.at(-1)!.date, period, today);
  const { npv, terms } = dividendNpv({
    projection: growth,
    discountRate: input.discountRate,
    firstPayment: nextPayment.years,
    period,
    method: input.method,
  });
  return { npv, growth, period, nextPayment, terms };
}
