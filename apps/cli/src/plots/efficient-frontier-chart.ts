import type { TopLevelSpec } from "vega-lite";
import { frame, percentAxis, riskReturnPosition } from "./chart-frame.js";
import type { PlotContext } from "./plot-context.js";
import { isRecord, unexpected } from "./result-shapes.js";

/**
 * plot-efficient-frontier: (σ, R) of each frontier portfolio as a dashed line with points; with --risk the
 * x axis is that scenario risk measure (daily, as computed) instead of σ.
 */
export async function efficientFrontierChart({ engine, symbols, options }: PlotContext): Promise<TopLevelSpec> {
  const result = await engine.run("efficient-frontier", symbols, options);
  if (!Array.isArray(result)) throw unexpected(result);
  const measure = options.risk;
  const points = result.filter(isRecord).map((point) => ({
    volatility: measure ? point.risk : point.portfolio_volatility,
    return: measure ? point.expected_return : point.portfolio_return,
    series: measure ? `${measure} frontier` : "efficient frontier",
  }));
  const x = measure ? { ...riskReturnPosition.x, axis: percentAxis(`Daily ${measure} (%)`) } : riskReturnPosition.x;
  const y = measure ? { ...riskReturnPosition.y, axis: percentAxis("Daily mean return (%)") } : riskReturnPosition.y;
  return frame(`Efficient frontier of ${symbols.join(", ")}`, {
    data: { values: points },
    mark: { type: "line", point: true, strokeDash: [6, 4] },
    encoding: {
      ...riskReturnPosition,
      x,
      y,
      color: { field: "series", type: "nominal", title: "Series" },
    },
  });
}
