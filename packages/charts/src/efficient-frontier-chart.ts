import type { TopLevelSpec } from "vega-lite";
import { frame, riskReturnPosition } from "./chart-frame.js";
import { isRecord, unexpected } from "./result-shapes.js";

/** A portfolio marked on the frontier chart, e.g. the minimum-variance or the maximum-Sharpe one. */
export interface MarkedPortfolio {
  label: string;
  portfolio_volatility: number;
  portfolio_return: number;
}

/** (σ, R) of each frontier portfolio (the efficient-frontier result) as a dashed line, optimal ones marked. */
export function efficientFrontierChart(
  symbols: readonly string[],
  frontier: unknown,
  marked: readonly MarkedPortfolio[] = [],
): TopLevelSpec {
  if (!Array.isArray(frontier)) throw unexpected(frontier);
  const points = frontier.filter(isRecord).map((point) => ({
    volatility: point.portfolio_volatility,
    return: point.portfolio_return,
    series: "efficient frontier",
  }));
  const line = {
    data: { values: points },
    mark: { type: "line", point: true, strokeDash: [6, 4] },
    encoding: { color: { field: "series", type: "nominal", title: "Series" } },
  };
  const body =
    marked.length === 0
      ? { data: line.data, mark: line.mark, encoding: { ...riskReturnPosition, ...line.encoding } }
      : {
          encoding: riskReturnPosition,
          layer: [
            line,
            {
              data: {
                values: marked.map((p) => ({
                  volatility: p.portfolio_volatility,
                  return: p.portfolio_return,
                  series: p.label,
                })),
              },
              mark: { type: "point", shape: "diamond", size: 160, filled: true },
              encoding: { color: { field: "series", type: "nominal", title: "Series" } },
            },
          ],
        };
  return frame(`Efficient frontier of ${symbols.join(", ")}`, body);
}
