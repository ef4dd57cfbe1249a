import {
  allocateShares,
  correlationMatrix,
  efficientFrontier,
  formatAllocation,
  maximumReturn,
  maximumSharpe,
  minimumConditionalValueAtRisk,
  minimumVariance,
  type OptimisedPortfolio,
  type PortfolioModel,
  portfolioModel,
} from "@scrilla/core";
import type { Asset, EngineContext } from "../engine-context.js";
import type { AllocationResult, CommandOptions } from "../engine-types.js";
import {
  advancedOptimizeCommand,
  needsAdvancedOptimiser,
  scenarioFrontierCommand,
} from "./advanced-portfolio-commands.js";
import { requireOption } from "./statistics-commands.js";

type Symbols = readonly string[];

export interface PortfolioSetup {
  assets: Asset[];
  model: PortfolioModel;
  lastCloses: number[];
}

/** μ and σ per asset (cached profiles) and the correlation matrix over one window. */
export async function setUp(ctx: EngineContext, symbols: Symbols, options: CommandOptions): Promise<PortfolioSetup> {
  const assets = await ctx.assets(symbols, options.assetType);
  const window = ctx.window(options, assets);
  const method = ctx.method(options);
  const series = await ctx.seriesOf(assets, window);
  const profiles = [];
  for (const asset of assets) profiles.push(await ctx.returnProfile(asset, window, method));
  const { correlation_matrix } = correlationMatrix(ctx.alignedForMix(assets, series), { method });
  const model = portfolioModel({
    annualReturns: profiles.map((p) => p.annual_return),
    annualVolatilities: profiles.map((p) => p.annual_volatility),
    correlation: correlation_matrix,
  });
  return { assets, model, lastCloses: series.map((s) => s.close[s.close.length - 1]!) };
}

export function allocation(
  setup: PortfolioSetup,
  portfolio: OptimisedPortfolio,
  options: CommandOptions,
): AllocationResult {
  const tickers = setup.assets.map((a) => a.ticker);
  const shares =
    options.investment === undefined
      ? undefined
      : allocateShares({
          weights: portfolio.weights,
          prices: setup.lastCloses,
          investment: options.investment,
          assetTypes: setup.assets.map((a) => a.assetType),
        });
  const out: AllocationResult = { ...formatAllocation(tickers, setup.model, portfolio.weights, shares) };
  if (portfolio.sharpeRatio !== undefined) out.sharpe_ratio = portfolio.sharpeRatio;
  if (shares) out.leftover = shares.leftover;
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
  return { ...allocation(setup, portfolio, options), conditional_value_at_risk: portfolio.conditionalValueAtRisk };
}

export async function efficientFrontierCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  if (options.risk) return scenarioFrontierCommand(ctx, symbols, options);
  const setup = await setUp(ctx, symbols, options);
  const frontier = efficientFrontier(setup.model, { steps: options.steps ?? ctx.config.FRONTIER_STEPS });
  return frontier.map((portfolio) => allocation(setup, portfolio, options));
}
