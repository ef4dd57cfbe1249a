import type { TopLevelSpec } from "vega-lite";
import { frame } from "./chart-frame.js";
import { numericEntries } from "./result-shapes.js";

/** The rolling correlation of two assets (the correlations result, `{date: ρ}`) as a line over time (§3.8). */
export function correlationsChart(symbols: readonly string[], result: unknown): TopLevelSpec {
  const pair = symbols.join("–");
  return frame(`Rolling correlation of ${pair}`, {
    data: { values: numericEntries(result).map(([date, value]) => ({ date, correlation: value, series: pair })) },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "date", type: "temporal", title: "Date" },
      y: { field: "correlation", type: "quantitative", title: "Correlation ρ (unitless)", scale: { domain: [-1, 1] } },
      color: { field: "series", type: "nominal", title: "Pair" },
    },
  });
}
