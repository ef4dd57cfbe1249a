import type { TopLevelSpec } from "vega-lite";
import { frame, riskReturnPosition } from "./chart-frame.js";
import { nestedRecords } from "./result-shapes.js";

/** Each asset at (annual volatility, annual return), labelled; `profiles` is the risk-profile result. */
export function riskProfileChart(profiles: unknown, { method }: { method: string }): TopLevelSpec {
  const values = Object.entries(nestedRecords(profiles)).map(([ticker, profile]) => ({
    ticker,
    volatility: profile.annual_volatility,
    return: profile.annual_return,
  }));
  return frame(`Risk-return profile (${method} method)`, {
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
