import { MATURITIES } from "@scrilla/core";
import type { TopLevelSpec } from "vega-lite";
import { frame } from "./chart-frame.js";
import type { PlotContext } from "./plot-context.js";
import { isRecord, unexpected } from "./result-shapes.js";

/** plot-yield-curve: the Treasury curve on the chosen date (or the latest, D-62). */
export async function yieldCurveChart({ engine, options }: PlotContext): Promise<TopLevelSpec> {
  const result: unknown = await engine.run("yield-curve", [], options);
  if (!isRecord(result)) throw unexpected(result);
  const curve = isRecord(result.curve) ? result.curve : result;
  const date = typeof result.date === "string" ? result.date : (options.start ?? "latest");
  const values = MATURITIES.filter((maturity) => typeof curve[maturity] === "number").map((maturity) => ({
    maturity,
    yield: curve[maturity],
    series: `curve on ${date}`,
  }));
  return frame(`US Treasury yield curve on ${date}`, {
    data: { values },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "maturity", type: "ordinal", sort: [...MATURITIES], title: "Maturity", axis: { labelAngle: -40 } },
      y: { field: "yield", type: "quantitative", title: "Yield (% per year)", axis: { format: ".2%" } },
      color: { field: "series", type: "nominal", title: "Date" },
    },
  });
}
