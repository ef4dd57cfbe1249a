import type { TopLevelSpec } from "vega-lite";
import { frame, riskReturnPosition } from "./chart-frame.js";
import type { PlotContext } from "./plot-context.js";
import { nestedRecords } from "./result-shapes.js";

/** plot-risk-profile: each asset at (annual volatility, annual return), labelled. */
export async function riskProfileChart({ engine, symbols, options }: PlotContext): Promise<TopLevelSpec> {
  const profiles = nestedRecords(await engine.run("risk-profile", symbols, options));
  const values = Object.entries(profiles).map(([ticker, profile]) => ({
    ticker,
    volatility: profile.annual_volatility,
    return: profile.annual_return,
  }));
  return frame(`Risk-return profile (${options.method ?? "moments"} method)`, {
    data: { values },
    encoding: riskReturnPosition,
    layer: [
      {
        mark: { type: "point", filled: true, size: 90 },
        encoding: { color: { field: "ticker", type: "nominal", title: "Asset" } },
      },
      { mark: { type: "text", dx: 8, align: "left", fontSize: 12 }, encoding: { text: { field: "ticker" } } },
    ],
  });
}
