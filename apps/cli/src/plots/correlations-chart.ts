import type { TopLevelSpec } from "vega-lite";
import { frame } from "./chart-frame.js";
import type { PlotContext } from "./plot-context.js";
import { numericEntries } from "./result-shapes.js";

/** plot-correlations: the rolling correlation of two assets as a line over time (§3.8). */
export async function correlationsChart({ engine, symbols, options }: PlotContext): Promise<TopLevelSpec> {
  const series = numericEntries(await engine.run("correlations", symbols, options));
  const pair = symbols.join("–");
  return frame(`Rolling correlation of ${pair}`, {
    data: { values: series.map(([date, value]) => ({ date, correlation: value, series: pair })) },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "date", type: "temporal", title: "Date" },
      y: { field: "correlation", type: "quantitative", title: "Correlation ρ (unitless)", scale: { domain: [-1, 1] } },
      color: { field: "series", type: "nominal", title: "Pair" },
    },
  });
}
