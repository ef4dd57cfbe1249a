import { logReturns } from "@scrilla/core";
import type { ReturnsSample } from "./engine.js";
import type { EngineContext } from "./engine-context.js";
import type { CommandOptions } from "./engine-types.js";

/** Daily (not annualised) log returns over the window, for QQ plots and histograms. */
export async function returnsSample(
  ctx: EngineContext,
  ticker: string,
  options: CommandOptions,
): Promise<ReturnsSample> {
  const [asset] = await ctx.assets([ticker], options.assetType);
  const window = ctx.window(options, [asset!]);
  const [series] = await ctx.seriesOf([asset!], window);
  return {
    ticker: asset!.ticker,
    assetType: asset!.assetType,
    dates: series!.dates.slice(1),
    returns: Array.from(logReturns(series!.close)),
  };
}
