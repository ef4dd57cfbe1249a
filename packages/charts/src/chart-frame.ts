import type { TopLevelSpec } from "vega-lite";

/** Common size, fonts and background of every chart (light; `themed` turns a spec dark). */
export function frame(title: string | string[], body: Record<string, unknown>): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, fontSize: 16 },
    width: 640,
    height: 400,
    background: "white",
    config: {
      font: "DejaVu Sans, sans-serif",
      // Labels closer than 4 px are thinned out instead of running into each other.
      axis: { labelFontSize: 11, titleFontSize: 12, labelSeparation: 4 },
      legend: { orient: "right", titleLimit: 320, labelLimit: 320 },
    },
    ...body,
  } as TopLevelSpec;
}

/** Ticks carry the "%" sign, so axis titles do not repeat it. */
export const percentAxis = (title: string, format = ".1%") => ({ title, format });

/** x = annual volatility σ, y = annual return μ, both as percentages: the plane of risk-return charts. */
export const riskReturnPosition = {
  x: {
    field: "volatility",
    type: "quantitative",
    scale: { zero: false },
    axis: percentAxis("Annual volatility σ"),
  },
  y: { field: "return", type: "quantitative", scale: { zero: false }, axis: percentAxis("Annual return μ") },
} as const;
