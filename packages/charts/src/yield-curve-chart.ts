import { MATURITIES } from "@scrilla/core";
import type { TopLevelSpec } from "vega-lite";
import { frame } from "./chart-frame.js";
import { MATURITY_YEARS } from "./maturity-years.js";
import { isRecord, unexpected } from "./result-shapes.js";

/**
 * The Treasury curve of the yield-curve result (`{date, curve}` or a bare `{maturity: yield}`), with
 * maturity in years on a linear axis so the spacing is true (1 month and 30 years are not neighbours).
 */
export function yieldCurveChart(result: unknown, fallbackDate = "latest"): TopLevelSpec {
  if (!isRecord(result)) throw unexpected(result);
  const curve = isRecord(result.curve) ? result.curve : result;
  const date = typeof result.date === "string" ? result.date : fallbackDate;
  const values = MATURITIES.filter((maturity) => typeof curve[maturity] === "number").map((maturity) => ({
    maturity,
    years: MATURITY_YEARS[maturity],
    yield: curve[maturity],
    series: `curve on ${date}`,
  }));
  return frame(`US Treasury yield curve on ${date}`, {
    data: { values },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "years", type: "quantitative", title: "Maturity (years)", scale: { domain: [0, 30] } },
      // The published yields are fractions here (0.0159 = 1.59 %), so the ticks carry the % sign.
      y: { field: "yield", type: "quantitative", title: "Yield per year", axis: { format: ".2%" } },
      color: { field: "series", type: "nominal", title: "Date" },
      tooltip: [
        { field: "maturity", type: "nominal", title: "Maturity" },
        { field: "yield", type: "quantitative", format: ".2%", title: "Yield" },
      ],
    },
  });
}
