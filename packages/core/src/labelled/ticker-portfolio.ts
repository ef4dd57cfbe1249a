import { invalidInput } from "../errors.js";
import type { OptimisedPortfolio } from "../portfolio/optimised-portfolio.js";
import { type PortfolioModel, type PortfolioModelOptions, portfolioModel } from "../portfolio/portfolio-model.js";
import { byTicker } from "./expected-returns.js";

/** A portfolio model that remembers its tickers, so results can be labelled. */
export type TickerPortfolioModel = PortfolioModel & { readonly tickers: readonly string[] };

/**
 * A `PortfolioModel` from labelled estimates: annual expected returns and an annual covariance by ticker
 * (e.g. `expectedReturns(...)` and `riskModel(...)`). Both must name the same tickers; the covariance's
 * order is used. Per-period estimates are rejected, since the optimisers work with annual figures.
 */
export function tickerPortfolioModel(
  expected: { byTicker: Readonly<Record<string, number>>; annualised?: boolean },
  risk: { tickers: readonly string[]; covariance: readonly (readonly number[])[]; annualised?: boolean },
  options?: PortfolioModelOptions,
): TickerPortfolioModel {
  if (expected.annualised === false || risk.annualised === false) {
    throw invalidInput("The optimisers need annual figures; estimate with annualise: true (the default).");
  }
  const tickers = [...risk.tickers];
  const names = Object.keys(expected.byTicker);
  const missing = tickers.filter((ticker) => !(ticker in expected.byTicker));
  if (missing.length > 0 || names.length !== tickers.length) {
    throw invalidInput(
      `Expected returns name ${names.join(", ")} but the covariance names ${tickers.join(", ")}; estimate both on the same tickers.`,
    );
  }
  const model = portfolioModel(
    { annualReturns: tickers.map((ticker) => expected.byTicker[ticker]!), covariance: risk.covariance },
    options,
  );
  return { ...model, tickers };
}

/** An optimiser's result with its weights by ticker (rounding noise below 1e-12 shown as 0). */
export interface TickerPortfolio extends Omit<OptimisedPortfolio, "weights"> {
  weights: Record<string, number>;
}

export function labelPortfolio(model: TickerPortfolioModel, portfolio: OptimisedPortfolio): TickerPortfolio {
  if (portfolio.weights.length !== model.tickers.length) {
    throw invalidInput(`Got ${portfolio.weights.length} weights for ${model.tickers.length} tickers.`);
  }
  const weights = portfolio.weights.map((w) => (Math.abs(w) < 1e-12 ? 0 : w));
  return { ...portfolio, weights: byTicker(model.tickers, weights) };
}
