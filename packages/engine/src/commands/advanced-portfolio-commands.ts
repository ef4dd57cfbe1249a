import {
  blackLitterman,
  constrainedMaximumSharpe,
  constrainedMinimumVariance,
  hierarchicalRiskParity,
  invalidInput,
  maximumQuadraticUtility,
  minimumScenarioRisk,
  type OptimisedPortfolio,
  portfolioModel,
  type ScenarioPortfolio,
  scenarioEfficientFrontier,
  TRADING_DAYS_PER_YEAR,
  type TransactionCostsInput,
  targetVolatility,
  transactionCost,
} from "@scrilla/core";
import type { EngineContext } from "../engine-context.js";
import type { AllocationResult, CommandOptions } from "../engine-types.js";
import { allocation, type PortfolioSetup, setUp, tickersOf } from "./portfolio-commands.js";
import { constraintsFromOptions, transactionCostsFromOptions } from "./portfolio-constraints-options.js";
import { scenarioReturns } from "./scenario-returns.js";

type Symbols = readonly string[];

/** True when an option asks for more than the classic long-only minimum-variance / max-Sharpe problem. */
export function needsAdvancedOptimiser(options: CommandOptions): boolean {
  return (
    options.targetVolatility !== undefined ||
    options.short === true ||
    options.sectors !== undefined ||
    options.maxTurnover !== undefined ||
    options.costRate !== undefined ||
    options.risk !== undefined
  );
}

/** optimize-portfolio with a volatility budget, shorting, sector limits, a turnover cap or a scenario risk. */
export async function advancedOptimizeCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  if (options.sharpe && (options.targetVolatility !== undefined || options.risk || options.costRate !== undefined)) {
    throw invalidInput(
      "--sharpe cannot be combined with --target-volatility, --risk or --cost-rate (the Sharpe ratio of a cost-charged or scenario-risk portfolio is another problem); drop one of them.",
    );
  }
  const setup = await setUp(ctx, symbols, options);
  if (options.sharpe) return allocation(setup, await sharpeOptimum(ctx, setup, options), options);
  const costs = transactionCostsFromOptions(tickersOf(setup), options);
  if (options.risk) {
    const portfolio = await scenarioOptimum(ctx, setup, options, costs);
    return withCost(scenarioAllocation(setup, options, portfolio), costs, portfolio.weights);
  }
  const portfolio = await meanVarianceOptimum(setup, options, costs);
  return withCost(allocation(setup, portfolio, options), costs, portfolio.weights);
}

/** Adds `transaction_cost` Σcᵢ|wᵢ − w⁰ᵢ| (a fraction of the portfolio's value) when costs were charged. */
function withCost<T extends object>(
  result: T,
  costs: TransactionCostsInput | undefined,
  weights: Float64Array,
): T & { transaction_cost?: number } {
  return costs ? { ...result, transaction_cost: transactionCost(costs, weights) } : result;
}

function rejectCostsWithTargetVolatility(costs: TransactionCostsInput | undefined): void {
  if (costs) throw invalidInput("--cost-rate cannot be combined with --target-volatility; drop one of them.");
}

/** Maximum Sharpe under the constraints (exact Charnes–Cooper QP); with --target, least variance at it. */
async function sharpeOptimum(ctx: EngineContext, setup: PortfolioSetup, options: CommandOptions) {
  const constraints = constraintsFromOptions(tickersOf(setup), options);
  return constrainedMaximumSharpe(setup.model, {
    ...(constraints && { constraints }),
    riskFreeRate: await ctx.riskFreeRate(ctx.window(options, setup.assets).end),
    ...(options.target !== undefined && { targetReturn: options.target }),
  });
}

async function meanVarianceOptimum(
  setup: PortfolioSetup,
  options: CommandOptions,
  costs: TransactionCostsInput | undefined,
): Promise<OptimisedPortfolio> {
  const constraints = constraintsFromOptions(tickersOf(setup), options);
  if (options.targetVolatility !== undefined) {
    rejectCostsWithTargetVolatility(costs);
    return targetVolatility(setup.model, {
      targetVolatility: options.targetVolatility,
      ...(constraints && { constraints }),
    });
  }
  return constrainedMinimumVariance(setup.model, {
    ...(constraints && { constraints }),
    ...(costs && { transactionCosts: costs }),
    ...(options.target !== undefined && { targetReturn: options.target }),
  });
}

async function scenarioOptimum(
  ctx: EngineContext,
  setup: PortfolioSetup,
  options: CommandOptions,
  costs: TransactionCostsInput | undefined,
) {
  const series = ctx.alignedForMix(setup.assets, await ctx.seriesOf(setup.assets, ctx.window(options, setup.assets)));
  const constraints = constraintsFromOptions(tickersOf(setup), options);
  return minimumScenarioRisk(scenarioReturns(series), options.risk!, {
    confidence: 1 - (options.probability ?? 0.05),
    ...(constraints && { constraints }),
    ...(costs && { transactionCosts: costs }),
    ...(options.target !== undefined && { targetReturn: options.target / periodsPerYear(setup) }),
  });
}

function scenarioAllocation(
  setup: PortfolioSetup,
  options: CommandOptions,
  portfolio: ScenarioPortfolio,
): AllocationResult & { risk_measure: string; risk: number; expected_return: number } {
  // The minimised measure and the scenario mean return are per period (daily).
  return {
    ...allocation(setup, asOptimised(setup, portfolio), options),
    risk_measure: portfolio.measure,
    risk: portfolio.risk,
    expected_return: portfolio.expectedReturn,
  };
}

/**
 * efficient-frontier --risk: minimum scenario-risk portfolios from the least risky to the maximum return;
 * with --cost-rate each point minimises risk + trading costs against --current and reports them.
 */
export async function scenarioFrontierCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const setup = await setUp(ctx, symbols, options);
  const series = ctx.alignedForMix(setup.assets, await ctx.seriesOf(setup.assets, ctx.window(options, setup.assets)));
  const constraints = constraintsFromOptions(tickersOf(setup), options);
  const costs = transactionCostsFromOptions(tickersOf(setup), options);
  const frontier = await scenarioEfficientFrontier(scenarioReturns(series), options.risk!, {
    steps: options.steps ?? ctx.config.FRONTIER_STEPS,
    confidence: 1 - (options.probability ?? 0.05),
    ...(constraints && { constraints }),
    ...(costs && { transactionCosts: costs }),
  });
  return frontier.map((portfolio) => withCost(scenarioAllocation(setup, options, portfolio), costs, portfolio.weights));
}

/** Hierarchical risk parity over the window's covariance. */
export async function hrpCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const setup = await setUp(ctx, symbols, options);
  return allocation(setup, hierarchicalRiskParity(setup.model), options);
}

/** Black–Litterman posterior from market caps and views, then the utility-maximising portfolio on it. */
export async function blackLittermanCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const views = options.views;
  if (!views) throw invalidInput("black-litterman needs --views FILE (market caps and views, JSON).");
  const setup = await setUp(ctx, symbols, options);
  const tickers = tickersOf(setup);
  const caps = upperKeys(views.marketCaps);
  const missing = tickers.filter((ticker) => caps[ticker] === undefined);
  if (missing.length > 0) throw invalidInput(`The views file has no market cap for ${missing.join(", ")}.`);
  const riskAversion = views.riskAversion ?? 2.5;
  const posterior = blackLitterman({
    covariance: setup.model.covariance,
    marketCaps: tickers.map((ticker) => caps[ticker]!),
    riskAversion,
    ...(views.riskFreeRate !== undefined && { riskFreeRate: views.riskFreeRate }),
    ...(views.tau !== undefined && { tau: views.tau }),
    views: views.views.map((view, index) => ({
      weights: viewWeights(tickers, view, index),
      value: view.return,
      ...(view.confidence !== undefined && { confidence: view.confidence }),
    })),
  });
  const model = portfolioModel({
    annualReturns: posterior.posteriorReturns,
    covariance: posterior.posteriorCovariance,
  });
  const posteriorSetup: PortfolioSetup = { ...setup, model };
  const constraints = constraintsFromOptions(tickers, options);
  const costs = transactionCostsFromOptions(tickers, options);
  if (options.targetVolatility !== undefined) rejectCostsWithTargetVolatility(costs);
  const portfolio =
    options.targetVolatility !== undefined
      ? targetVolatility(model, { targetVolatility: options.targetVolatility, ...(constraints && { constraints }) })
      : maximumQuadraticUtility(model, {
          riskAversion,
          ...(constraints && { constraints }),
          ...(costs && { transactionCosts: costs }),
        });
  const byTicker = (values: Float64Array) => Object.fromEntries(tickers.map((ticker, i) => [ticker, values[i]!]));
  return {
    ...withCost(allocation(posteriorSetup, portfolio, options), costs, portfolio.weights),
    prior_returns: byTicker(posterior.priorReturns),
    posterior_returns: byTicker(posterior.posteriorReturns),
  };
}

function viewWeights(
  tickers: readonly string[],
  view: NonNullable<CommandOptions["views"]>["views"][number],
  index: number,
) {
  const weights = new Array<number>(tickers.length).fill(0);
  const place = (ticker: string, weight: number) => {
    const at = tickers.indexOf(ticker.toUpperCase());
    if (at < 0) throw invalidInput(`View ${index} names ${ticker}, which is not in the portfolio.`);
    weights[at] = weights[at]! + weight;
  };
  if (view.asset) place(view.asset, 1);
  if (view.long) place(view.long, 1);
  if (view.short) place(view.short, -1);
  if (!view.asset && !view.long)
    throw invalidInput(`View ${index} needs "asset" (absolute) or "long"/"short" (relative).`);
  return weights;
}

function asOptimised(setup: PortfolioSetup, portfolio: ScenarioPortfolio): OptimisedPortfolio {
  return {
    weights: portfolio.weights,
    annualReturn: 0,
    annualVolatility: 0,
    sharpeRatio: undefined,
    iterations: 0,
    covarianceRepair: setup.model.covarianceRepair,
  };
}

function periodsPerYear(setup: PortfolioSetup): number {
  return setup.assets.every((asset) => asset.assetType === "crypto") ? 365 : TRADING_DAYS_PER_YEAR;
}

function upperKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.toUpperCase(), value]));
}
