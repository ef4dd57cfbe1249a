import { addCalendarDays, assertIsoDate, MATURITIES, type Maturity, ScrillaError } from "@scrilla/core";
import type { EngineContext } from "../engine-context.js";
import { normaliseTicker } from "../engine-context.js";
import type { CommandOptions } from "../engine-types.js";

type Symbols = readonly string[];

export async function pricesCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const assets = await ctx.assets(symbols, options.assetType);
  const window = ctx.window(options, assets);
  const series = await ctx.seriesOf(assets, window);
  return Object.fromEntries(
    assets.map((a, i) => [a.ticker, Object.fromEntries(series[i]!.dates.map((d, j) => [d, series[i]!.close[j]!]))]),
  );
}

/** The latest close on or before the window end (D-31: the close, not the open). */
export async function closeCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const assets = await ctx.assets(symbols, options.assetType);
  const out: Record<string, number> = {};
  for (const asset of assets) {
    const end = ctx.window({ ...(options.end ? { end: options.end } : {}), start: options.end ?? ctx.services.today }, [
      asset,
    ]).end;
    const [series] = await ctx.seriesOf([asset], { start: addCalendarDays(end, -10), end });
    out[asset.ticker] = series!.close[series!.close.length - 1]!;
  }
  return out;
}

export async function assetCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const assets = await ctx.assets(symbols, options.assetType);
  return Object.fromEntries(assets.map((a) => [a.ticker, a.assetType]));
}

/** Treasury yields in percent, as published (spec §3.4). */
export async function interestCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const maturities = symbols.map((s) => ctx.assertMaturity(s));
  const window = ctx.window(options);
  const out: Record<string, Record<string, number | null>> = {};
  for (const maturity of maturities) {
    const rows = await ctx.interest.rows(maturity, window);
    out[maturity] = Object.fromEntries(rows.map((r) => [r.date, r.value]));
  }
  return out;
}

/** The curve (decimal) on the latest published day on or before --start (default: the latest). */
export async function yieldCurveCommand(ctx: EngineContext, _symbols: Symbols, options: CommandOptions) {
  const anchor = await ctx.latestYield(
    "TEN_YEAR",
    options.start === undefined ? undefined : assertIsoDate(options.start),
  );
  const curve: Partial<Record<Maturity, number | null>> = {};
  for (const maturity of MATURITIES) {
    const [row] = await ctx.interest.rows(maturity, { start: anchor.date, end: anchor.date });
    curve[maturity] = row?.value == null ? null : row.value / 100;
  }
  return curve;
}

export async function riskFreeCommand(ctx: EngineContext, _symbols: Symbols, options: CommandOptions) {
  return { [ctx.config.RISK_FREE]: await ctx.riskFreeRate(options.end) };
}

/** Dividend payments per ticker, latest first (`{date: amount}`). */
export async function dividendsCommand(ctx: EngineContext, symbols: Symbols, _options: CommandOptions) {
  const out: Record<string, Record<string, number>> = {};
  for (const symbol of symbols) {
    const ticker = normaliseTicker(symbol);
    const payments = await ctx.services.market.dividends.fetchDividends(ticker);
    out[ticker] = Object.fromEntries(payments.map((p) => [p.date, p.amount]));
  }
  return out;
}

/** FRED series over the window (`stats`) or their latest value (`stat`). */
export async function statsCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const window = ctx.window(options);
  const out: Record<string, Record<string, number>> = {};
  for (const symbol of symbols) {
    const id = symbol.trim().toUpperCase();
    const observations = await ctx.services.market.statistics.fetchSeries(id, window);
    out[id] = Object.fromEntries(observations.map((o) => [o.date, o.value]));
  }
  return out;
}

export async function statCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const end = ctx.window({ start: options.end ?? ctx.services.today }).end;
  const series = await statsCommand(ctx, symbols, { start: addCalendarDays(end, -400), end });
  const out: Record<string, number> = {};
  for (const [id, values] of Object.entries(series)) {
    const last = Object.keys(values).sort().at(-1);
    if (last === undefined)
      throw new ScrillaError("NO_PRICES", `FRED has no recent observation of ${id}; check the series id.`, { id });
    out[id] = values[last]!;
  }
  return out;
}
