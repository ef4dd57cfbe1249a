import type { TopLevelSpec } from "vega-lite";
import { frame, percentAxis, riskReturnPosition } from "./chart-frame.js";
import { isRecord, unexpected } from "./result-shapes.js";

/** A portfolio marked on the frontier chart, e.g. the minimum-variance or the maximum-Sharpe one. */
export interface MarkedPortfolio {
  label: string;
  portfolio_volatility: number;
  portfolio_return: number;
}

/**
 * (σ, R) of each frontier portfolio (the efficient-frontier result) as a dashed line, optimal ones marked.
 * With a scenario risk `measure` (efficient-frontier --risk) the axes are that measure and the mean return,
 * both daily as computed.
 */
export function efficientFrontierChart(
  symbols: readonly string[],
  frontier: unknown,
  marked: readonly MarkedPortfolio[] = [],
  measure?: string,
): TopLevelSpec {
  if (!Array.isArray(frontier)) throw unexpected(frontier);
  const points = frontier.filter(isRecord).map((point) => ({
    volatility: measure ? point.risk : point.portfolio_volatility,
    return: measure ? point.expected_return : point.portfolio_return,
    series: measure ? `${measure} frontier` : "efficient frontier",
  }));
  const position = measure
    ? {
        x: { ...riskReturnPosition.x, axis: percentAxis(`Daily ${measure}`) },
        y: { ...riskReturnPosition.y, axis: percentAxis("Daily mean return") },
      }
    : riskReturnPosition;
  const line = {
    data: { values: points },
    mark: { type: "line", point: true, strokeDash: [6, 4] },
    encoding: { color: { field: "series", type: "nominal", title: "Series" } },
  };
  const body =
    marked.length === 0
      ? { data: line.data, mark: line.mark, encoding: { ...position, ...line.encoding } }
      : {
          encoding: position,
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
