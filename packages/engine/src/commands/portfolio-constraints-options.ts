import {
  invalidInput,
  type PortfolioConstraintsInput,
  type TransactionCostsInput,
  tickerTransactionCosts,
} from "@scrilla/core";
import type { CommandOptions } from "../engine-types.js";

/** The constraints the options ask for, by ticker (undefined when none: the classic long-only problem). */
export function constraintsFromOptions(
  tickers: readonly string[],
  options: CommandOptions,
): PortfolioConstraintsInput | undefined {
  const constraints: PortfolioConstraintsInput = {};
  let any = false;
  if (options.short) {
    constraints.bounds = { lower: -1, upper: 1 };
    any = true;
  }
  if (options.sectors) {
    const groups = options.sectors.groups;
    const unknown = Object.keys(groups).filter((ticker) => !tickers.includes(ticker.toUpperCase()));
    if (unknown.length > 0)
      throw invalidInput(`The sectors file names tickers not in the portfolio: ${unknown.join(", ")}.`);
    const upper = Object.fromEntries(Object.entries(groups).map(([ticker, group]) => [ticker.toUpperCase(), group]));
    constraints.groups = { membership: tickers.map((ticker) => upper[ticker]), limits: options.sectors.limits };
    any = true;
  }
  if (options.maxTurnover !== undefined) {
    const current = options.currentWeights;
    if (!current)
      throw invalidInput('--max-turnover needs the current weights: --current FILE with {"TICKER": weight}.');
    const byTicker = Object.fromEntries(Object.entries(current).map(([ticker, w]) => [ticker.toUpperCase(), w]));
    constraints.turnover = { current: tickers.map((ticker) => byTicker[ticker] ?? 0), max: options.maxTurnover };
    any = true;
  }
  return any ? constraints : undefined;
}

/** The proportional costs --cost-rate asks for, against --current, in ticker order (undefined when none). */
export function transactionCostsFromOptions(
  tickers: readonly string[],
  options: CommandOptions,
): TransactionCostsInput | undefined {
  const rate = options.costRate;
  if (rate === undefined) return undefined;
  const current = options.currentWeights;
  if (!current) throw invalidInput('--cost-rate needs the current weights: --current FILE with {"TICKER": weight}.');
  return tickerTransactionCosts(tickers, {
    current: upperKeys(current),
    rates: typeof rate === "number" ? rate : upperKeys(rate),
  });
}

function upperKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([ticker, value]) => [ticker.toUpperCase(), value]));
}
