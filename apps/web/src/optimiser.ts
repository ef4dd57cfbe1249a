import {
  type AllocationOutput,
  attainableReturnRange,
  formatAllocation,
  minimumVariance,
  type PortfolioModel,
  portfolioModel,
  type ReturnRange,
} from "@scrilla/core";

export interface FrontierInputs {
  tickers: string[];
  model: PortfolioModel;
  range: ReturnRange;
}

/**
 * The engine's portfolio set-up, in the browser: μ and σ of the risk-profile result and the correlation
 * result's matrix, in ticker order. Everything after this runs with no request.
 */
export function frontierInputs(tickers: readonly string[], profiles: unknown, correlation: unknown): FrontierInputs {
  const byTicker = profiles as Record<string, { annual_return: number; annual_volatility: number }>;
  const matrix = (correlation as { correlation_matrix: number[][] }).correlation_matrix;
  const model = portfolioModel({
    annualReturns: tickers.map((ticker) => byTicker[ticker]!.annual_return),
    annualVolatilities: tickers.map((ticker) => byTicker[ticker]!.annual_volatility),
    correlation: matrix,
  });
  return { tickers: [...tickers], model, range: attainableReturnRange(model) };
}

/** The minimum-variance portfolio with the target return (what `optimize-portfolio --target` answers). */
export function optimiseForTarget(inputs: FrontierInputs, target: number): AllocationOutput {
  const portfolio = minimumVariance(inputs.model, { targetReturn: target });
  return formatAllocation(inputs.tickers, inputs.model, portfolio.weights);
}
