import {
  addCalendarDays,
  calendarFor,
  conditionalValueAtRisk,
  correlationMatrix,
  correlationSeries,
  movingAverages,
  riskProfile,
  ScrillaError,
  valueAtRisk,
} from "@scrilla/core";
import type { EngineContext } from "../engine-context.js";
import type { CommandOptions, RiskProfile } from "../engine-types.js";

type Symbols = readonly string[];

export async function riskProfileCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const assets = await ctx.assets(symbols, options.assetType);
  const window = ctx.window(options, assets);
  const method = ctx.method(options);
  const out: Record<string, RiskProfile> = {};
  for (const asset of assets) out[asset.ticker] = await ctx.fullProfile(asset, window, method);
  return out;
}

export async function sharpeRatioCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const profiles = (await riskProfileCommand(ctx, symbols, options)) as Record<string, { sharpe_ratio: number }>;
  return Object.fromEntries(Object.entries(profiles).map(([t, p]) => [t, p.sharpe_ratio]));
}

export async function capmBetaCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const assets = await ctx.assets(symbols, options.assetType);
  const window = ctx.window(options, assets);
  const method = ctx.method(options);
  const out: Record<string, { asset_beta: number }> = {};
  for (const asset of assets) out[asset.ticker] = { asset_beta: await ctx.beta(asset, window, method) };
  return out;
}

export async function capmEquityCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const profiles = (await riskProfileCommand(ctx, symbols, options)) as Record<string, { equity_cost: number }>;
  return Object.fromEntries(Object.entries(profiles).map(([t, p]) => [t, { equity_cost: p.equity_cost }]));
}

export async function correlationCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const assets = await ctx.assets(symbols, options.assetType);
  const window = ctx.window(options, assets);
  const method = ctx.method(options);
  const series = ctx.alignedForMix(assets, await ctx.seriesOf(assets, window));
  const result = correlationMatrix(series, { method });
  return {
    tickers: assets.map((a) => a.ticker),
    correlation_matrix: result.correlation_matrix,
    ...(result.repaired ? { repaired: true, min_eigenvalue: result.min_eigenvalue } : {}),
  };
}

/** Rolling 100-observation correlation on each date of the window (spec §3.8, always moments). */
export async function correlationsCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const assets = await ctx.assets(symbols, options.assetType);
  const window = ctx.window(options, assets);
  const allCrypto = assets.every((a) => a.assetType === "crypto");
  const lookback = ctx.config.DEFAULT_ANALYSIS_PERIOD;
  const history = {
    start: allCrypto
      ? addCalendarDays(window.start, -lookback - 1)
      : calendarFor("equity").addTradingDays(window.start, -lookback - 1),
    end: window.end,
  };
  const series = ctx.alignedForMix(assets, await ctx.seriesOf(assets, history));
  return correlationSeries(series[0]!, series[1]!, { window: lookback, from: window.start });
}

/** Moving averages of the annual return on each date of the window (spec §3.6, D-11). */
export async function movingAveragesCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const assets = await ctx.assets(symbols, options.assetType);
  const explicitStart = options.start !== undefined;
  const window = ctx.window(explicitStart ? options : { ...options, start: options.end ?? ctx.services.today }, assets);
  const periods = [ctx.config.MA_1, ctx.config.MA_2, ctx.config.MA_3];
  const longest = Math.max(...periods);
  const out: Record<string, Record<string, Record<string, number>>> = {};
  for (const asset of assets) {
    const calendar = calendarFor(asset.assetType);
    const history = { start: calendar.addTradingDays(window.start, -longest - 5), end: window.end };
    const [series] = await ctx.seriesOf([asset], history);
    out[asset.ticker] = movingAverages(series!, {
      periods,
      method: ctx.method(options),
      assetType: asset.assetType,
      from: window.start,
      to: window.end,
    });
  }
  return out;
}

/** VaR or CVaR of each asset: spot = latest close of the window, profile over the window (spec §4.4, D-14). */
async function tailRisk(ctx: EngineContext, symbols: Symbols, options: CommandOptions, kind: "var" | "cvar") {
  const probability = requireOption(options.probability, "--prob", "a tail probability in (0, 1), e.g. 0.05");
  const expiry = requireOption(options.expiry, "--expiry", "a horizon in years, e.g. 0.5");
  const assets = await ctx.assets(symbols, options.assetType);
  const window = ctx.window(options, assets);
  const method = ctx.method(options);
  const out: Record<string, Record<string, number>> = {};
  for (const asset of assets) {
    const [series] = await ctx.seriesOf([asset], window);
    const profile = riskProfile(series!.close, { method, assetType: asset.assetType });
    const input = {
      spot: series!.close[series!.close.length - 1]!,
      annualReturn: profile.annual_return,
      annualVolatility: profile.annual_volatility,
      expiry,
    };
    const level = kind === "var" ? valueAtRisk(input, probability) : conditionalValueAtRisk(input, probability);
    out[asset.ticker] =
      kind === "var"
        ? { value_at_risk: level.priceLevel, value_at_risk_loss: level.loss, spot_price: input.spot }
        : {
            conditional_value_at_risk: level.priceLevel,
            conditional_value_at_risk_loss: level.loss,
            spot_price: input.spot,
          };
  }
  return out;
}

export const valueAtRiskCommand = (ctx: EngineContext, symbols: Symbols, options: CommandOptions) =>
  tailRisk(ctx, symbols, options, "var");
export const conditionalValueAtRiskCommand = (ctx: EngineContext, symbols: Symbols, options: CommandOptions) =>
  tailRisk(ctx, symbols, options, "cvar");

export function requireOption(value: number | undefined, flag: string, what: string): number {
  if (value === undefined)
    throw new ScrillaError("INVALID_INPUT", `This command needs ${flag}: ${what}.`, { option: flag });
  return value;
}
