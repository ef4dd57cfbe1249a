import type { TransactionCostsInput } from "../constraints/transaction-costs.js";
import { invalidInput } from "../errors.js";

/** Current weights and cost rates by ticker (tickers left out are not held / trade free). */
export interface TickerTransactionCostsInput {
  current: Readonly<Record<string, number>>;
  /** One rate for every ticker (0.001 = 10 bp per unit of weight traded) or a rate per ticker. */
  rates: number | Readonly<Record<string, number>>;
}

/**
 * The `transactionCosts` option of the optimisers in the model's ticker order, e.g.
 * `maximumQuadraticUtility(model, { transactionCosts: tickerTransactionCosts(model.tickers, { current, rates }) })`.
 */
export function tickerTransactionCosts(
  tickers: readonly string[],
  input: TickerTransactionCostsInput,
): TransactionCostsInput {
  const current = tickers.map((ticker) => input.current[ticker] ?? 0);
  if (typeof input.rates === "number") return { current, rates: input.rates };
  const unknown = Object.keys(input.rates).filter((ticker) => !tickers.includes(ticker));
  if (unknown.length > 0)
    throw invalidInput(`The cost rates name tickers not in the portfolio: ${unknown.join(", ")}.`);
  const rates = input.rates;
  return { current, rates: tickers.map((ticker) => rates[ticker] ?? 0) };
}
