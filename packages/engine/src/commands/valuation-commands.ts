import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { discountDividendModel, ScrillaError } from "@scrilla/core";
import type { DividendModelResult } from "../engine.js";
import type { EngineContext } from "../engine-context.js";
import { normaliseTicker } from "../engine-context.js";
import type { CommandOptions } from "../engine-types.js";
import { closeCommand } from "./market-commands.js";

type Symbols = readonly string[];

/** DDM value of one ticker, discounted at --discount or the CAPM cost of equity (spec §6). */
export async function dividendModel(
  ctx: EngineContext,
  symbol: string,
  options: CommandOptions,
): Promise<DividendModelResult> {
  const ticker = normaliseTicker(symbol);
  const payments = await ctx.services.market.dividends.fetchDividends(ticker);
  if (payments.length === 0) {
    throw new ScrillaError(
      "SAMPLE_TOO_SMALL",
      `${ticker} has no recorded dividends, so the discount dividend model does not apply.`,
      {
        ticker,
      },
    );
  }
  const discountRate = options.discount ?? (await costOfEquity(ctx, ticker, options));
  const valuation = discountDividendModel({ dividends: payments, discountRate, today: ctx.services.today });
  return {
    ticker,
    payments: [...payments].sort((a, b) => a.date.localeCompare(b.date)),
    regression: { alpha: valuation.growth.alpha, beta: valuation.growth.beta },
    discount_rate: discountRate,
    discount_dividend: valuation.npv,
  };
}

async function costOfEquity(ctx: EngineContext, ticker: string, options: CommandOptions): Promise<number> {
  const [asset] = await ctx.assets([ticker], options.assetType);
  const window = ctx.window(options, [asset!]);
  return (await ctx.fullProfile(asset!, window, ctx.method(options))).equity_cost;
}

export async function ddmCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const out: Record<string, { discount_dividend: number }> = {};
  for (const symbol of symbols) {
    const model = await dividendModel(ctx, symbol, options);
    out[model.ticker] = { discount_dividend: model.discount_dividend };
  }
  return out;
}

/**
 * The screener (spec §6.6, D-60 fixed): over the given tickers or the watchlist, `ddm` keeps those whose
 * model price exceeds the latest close; `sharpe`, `return` and `volatility` rank them by that statistic.
 */
export async function screenCommand(ctx: EngineContext, symbols: Symbols, options: CommandOptions) {
  const tickers = symbols.length > 0 ? symbols.map(normaliseTicker) : await watchlist(ctx);
  if (tickers.length === 0) {
    throw new ScrillaError(
      "INVALID_INPUT",
      "Nothing to screen: pass tickers or add some with `scrilla watch <tickers>`.",
    );
  }
  const criteria = options.criteria ?? "ddm";
  const out: Record<string, Record<string, number>> = {};
  if (criteria === "ddm") {
    const spots = (await closeCommand(ctx, tickers, options)) as Record<string, number>;
    for (const ticker of tickers) {
      const model = await dividendModel(ctx, ticker, options);
      const spot = spots[ticker]!;
      if (model.discount_dividend > spot) {
        out[ticker] = { spot_price: spot, model_price: model.discount_dividend, discount: model.discount_rate };
      }
    }
    return out;
  }
  const assets = await ctx.assets(tickers, options.assetType);
  const window = ctx.window(options, assets);
  const rows: [string, Record<string, number>][] = [];
  for (const asset of assets) {
    const p = await ctx.fullProfile(asset, window, ctx.method(options));
    rows.push([
      asset.ticker,
      { annual_return: p.annual_return, annual_volatility: p.annual_volatility, sharpe_ratio: p.sharpe_ratio },
    ]);
  }
  const key = criteria === "sharpe" ? "sharpe_ratio" : criteria === "return" ? "annual_return" : "annual_volatility";
  const sign = criteria === "volatility" ? 1 : -1;
  rows.sort((a, b) => sign * (a[1][key]! - b[1][key]!));
  return Object.fromEntries(rows);
}

async function watchlist(ctx: EngineContext): Promise<string[]> {
  const file = join(ctx.services.home.common, "watchlist.json");
  try {
    const list = JSON.parse(await readFile(file, "utf8")) as unknown;
    return Array.isArray(list) ? list.map(String) : [];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new ScrillaError("CONFIG", `Cannot read the watchlist ${file}: ${(error as Error).message}`, { file });
  }
}
