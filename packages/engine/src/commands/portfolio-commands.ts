import {
  allocateShares,
  constrainedEfficientFrontier,
  correlationMatrix,
  discreteAllocation,
  efficientFrontier,
  formatAllocation,
  invalidInput,
  maximumReturn,
  maximumSharpe,
  minimumConditionalValueAtRisk,
  minimumVariance,
  type OptimisedPortfolio,
  type PortfolioModel,
  portfolioModel,
  ScrillaError,
} from "@scrilla/core";
import type { Asset, EngineContext } from "../engine-context.js";
import type { AllocationResult, CommandOptions } from "../engine-types.js";
import {
  advancedOptimizeCommand,
  needsAdvancedOptimiser,
  scenarioFrontierCommand,
} from "./advanced-portfolio-commands.js";
import { constraintsFromOptions } from "./portfolio-constraints-options.js";
import { type PortfolioEstimates, portfolioEstimates } from "./portfolio-estimates.js";
import { requireOption } from "./statistics-commands.js";

type Symbols = readonly string[];

export interface PortfolioSetup {
  assets: Asset[];
  model: PortfolioModel;
  lastCloses: number[];
  estimators: PortfolioEstimates["estimators"];
}

export function tickersOf(setup: PortfolioSetup): string[] {
  return setup.assets.map((asset) => asset.ticker);
}

/** μ and the covariance over one window: scrilla's profiles and correlations, or the estimators the options chose. */
export async function setUp(ctx: EngineContext, symbols: Symbols, options: CommandOptions): Promise<PortfolioSetup> {
  if (options.allocation !== undefined && options.investment === undefined) {
    throw new ScrillaError("INVALID_INPUT", "--allocation chooses how an investment is spent; add --invest.", {
      option: "allocation",
    });
  }
  const assets = await ctx.assets(symbols, options.assetType);
  const window = ctx.window(options, assets);
  const method = ctx.method(options);
  const series = await ctx.seriesOf(assets, window);
  const estimates = portfolioEstimates(assets, ctx.alignedForMix(assets, series), options);
  // scrilla's cached GBM profiles give μ unless --mean chose otherwise, and σ unless --risk-model did.
  const profiles = [];
  if (!(estimates.annualReturns && estimates.covariance)) {
    for (const asset of assets) profiles.push(await ctx.returnProfile(asset, window, method));
  }
  const annualReturns = estimates.annualReturns ?? profiles.map((p) => p.annual_return);
  const model = estimates.covariance
    ? portfolioModel({ annualReturns, covariance: estimates.covariance })
    : portfolioModel({
        annualReturns,
        annualVolatilities: profiles.map((p) => p.annual_volatility),
        correlation: correlationMatrix(ctx.alignedForMix(assets, series), { method }).correlation_matrix,
      });
  const lastCloses = series.map((s) => s.close[s.close.length - 1]!);
  return { assets, model, lastCloses, estimators: estimates.estimators };
}

export function allocation(
  setup: PortfolioSetup,
  portfolio: OptimisedPortfolio,
  options: CommandOptions,
): AllocationResult {
  const tickers = tickersOf(setup);
  const order = {
    weights: portfolio.weights,
    prices: setup.lastCloses,
    assetTypes: setup.assets.map((a) => a.assetType),
  };
  const discrete =
    options.investment === undefined || options.allocation === undefined
      ? undefined
      : discreteAllocation({ ...order, investment: options.investment, method: options.allocation });
  const shares =
    options.investment === undefined
      ? undefined
      : (discrete ?? allocateShares({ ...order, investment: options.investment }));
  const out: AllocationResult = { ...formatAllocation(tickers, setup.model, portfolio.weights, shares) };
  if (portfolio.sharpeRatio !== undefined) out.sharpe_ratio = portfolio.sharpeRatio;
  if (shares) out.leftover = shares.leftover;
  if (discrete) {
    out.allocation_method = discrete.method;
    out.allocation_rmse = discrete.rmse;
  }
  if (setup.estimators) out.estimators = setup.estimators;
  if (portfolio.covarianceRepair) out.covariance_repair = portfolio.covarianceRepair;
  return out;
}

export async function optimizePortfolioCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  if (needsAdvancedOptimiser(options)) return advancedOptimizeCommand(ctx, symbols, options);
  const setup = await setUp(ctx, symbols, options);
  const target = options.target !== undefined ? { targetReturn: options.target } : {};
  // The risk-free rate (a Treasury request) is needed only to maximise the Sharpe ratio.
  const portfolio = options.sharpe
    ? maximumSharpe(setup.model, {
        riskFreeRate: await ctx.riskFreeRate(ctx.window(options, setup.assets).end),
        ...target,
      })
    : minimumVariance(setup.model, target);
  return allocation(setup, portfolio, options);
}

export async function maxReturnCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const setup = await setUp(ctx, symbols, options);
  return allocation(setup, maximumReturn(setup.model), options);
}

export async function optimizeCvarCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const probability = requireOption(options.probability, "--prob", "a tail probability in (0, 1), e.g. 0.05");
  const expiry = requireOption(options.expiry, "--expiry", "a horizon in years, e.g. 0.5");
  const setup = await setUp(ctx, symbols, options);
  const portfolio = minimumConditionalValueAtRisk(setup.model, {
    probability,
    expiry,
    ...(options.target !== undefined ? { targetReturn: options.target } : {}),
  });
  const result = allocation(setup, portfolio, options);
  const cvar = portfolio.conditionalValueAtRisk;
  // The CVaR is a fraction of the portfolio's value; in money only when there is an amount (--invest).
  return result.total === undefined
    ? { ...result, conditional_value_at_risk: cvar }
    : { ...result, conditional_value_at_risk: cvar, conditional_value_at_risk_loss: cvar * result.total };
}

export async function efficientFrontierCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  if (options.currentWeights !== undefined && options.maxTurnover === undefined && options.costRate === undefined) {
    throw invalidInput(
      "--current on efficient-frontier gives the weights --max-turnover (or --cost-rate with --risk) counts from; add one of them or drop --current.",
      { option: "currentWeights" },
    );
  }
  if (options.risk) return scenarioFrontierCommand(ctx, symbols, options);
  if (options.costRate !== undefined) {
    throw invalidInput(
      "--cost-rate on efficient-frontier needs a scenario risk (--risk cvar-historical|cdar|semivariance); the mean-variance frontier does not charge costs.",
    );
  }
  const setup = await setUp(ctx, symbols, options);
  const steps = options.steps ?? ctx.config.FRONTIER_STEPS;
  // --short, --sectors, --max-turnover: least-variance portfolios under them, up to the highest return they allow.
  const constraints = constraintsFromOptions(tickersOf(setup), options);
  const frontier = constraints
    ? await constrainedEfficientFrontier(setup.model, { steps, constraints })
    : efficientFrontier(setup.model, { steps });
  return frontier.map((portfolio) => allocation(setup, portfolio, options));
}
