import type { TopLevelSpec } from "vega-lite";
import { frame, riskReturnPosition } from "./chart-frame.js";
import type { PlotContext } from "./plot-context.js";
import { isRecord, unexpected } from "./result-shapes.js";

/** plot-efficient-frontier: (σ, R) of each frontier portfolio as a dashed line with points. */
export async function efficientFrontierChart({ engine, symbols, options }: PlotContext): Promise<TopLevelSpec> {
  const result = await engine.run("efficient-frontier", symbols, options);
  if (!Array.isArray(result)) throw unexpected(result);
  const points = result.filter(isRecord).map((point) => ({
    volatility: point.portfolio_volatility,
    return: point.portfolio_return,
    series: "efficient frontier",
  }));
  return frame(`Efficient frontier of ${symbols.join(", ")}`, {
    data: { values: points },
    mark: { type: "line", point: true, strokeDash: [6, 4] },
    encoding: {
      ...riskReturnPosition,
      color: { field: "series", type: "nominal", title: "Series" },
    },
  });
}
