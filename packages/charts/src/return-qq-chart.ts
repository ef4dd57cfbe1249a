import type { TopLevelSpec } from "vega-lite";
import { frame } from "./chart-frame.js";

/** Sample quantiles of daily log returns against standard normal quantiles, with a fitted line. */
export function returnQqChart(ticker: string, returns: readonly number[]): TopLevelSpec {
  const n = returns.length;
  return frame(`QQ plot of ${ticker} daily log returns (${n} returns)`, {
    data: { values: returns.map((value) => ({ value })) },
    // (i − 0.5)/n plotting positions, then the normal quantile of each.
    transform: [
      { quantile: "value", step: 1 / n, as: ["probability", "sample"] },
      { calculate: "quantileNormal(datum.probability)", as: "normal" },
    ],
    encoding: {
      x: { field: "normal", type: "quantitative", title: "Standard normal quantile (z)" },
      y: {
        field: "sample",
        type: "quantitative",
        title: "Sample quantile (daily log return)",
        axis: { format: ".1%" },
      },
    },
    layer: [
      {
        transform: [{ calculate: "'sample quantiles'", as: "series" }],
        mark: { type: "point", filled: true },
        encoding: { color: { field: "series", type: "nominal", title: "Series" } },
      },
      {
        transform: [
          { regression: "sample", on: "normal" },
          { calculate: "'least-squares line'", as: "series" },
        ],
        mark: { type: "line" },
        encoding: { color: { field: "series", type: "nominal", title: "Series" } },
      },
    ],
  });
}
