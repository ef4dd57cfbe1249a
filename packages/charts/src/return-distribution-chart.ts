import { ScrillaError } from "@scrilla/core/errors";
import type { TopLevelSpec } from "vega-lite";
import { frame, percentAxis } from "./chart-frame.js";

const BINS = 20;
const CURVE_POINTS = 120;

/** A 20-bin density histogram of daily log returns with the fitted normal density. */
export function returnDistributionChart(ticker: string, returns: readonly number[]): TopLevelSpec {
  const histogram = densityHistogram(returns, BINS);
  const { mean, sd } = meanAndDeviation(returns);
  const low = histogram[0]?.start ?? mean - 3 * sd;
  const high = histogram.at(-1)?.end ?? mean + 3 * sd;
  const curve = Array.from({ length: CURVE_POINTS + 1 }, (_, i) => {
    const x = low + ((high - low) * i) / CURVE_POINTS;
    return {
      x,
      density: Math.exp(-0.5 * ((x - mean) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI)),
      series: "normal fit",
    };
  });
  const axisX = percentAxis("Daily log return");
  return frame(`Distribution of ${ticker} daily log returns (${returns.length} returns, ${BINS} bins)`, {
    layer: [
      {
        data: { values: histogram.map((bin) => ({ ...bin, series: "sample density" })) },
        mark: { type: "rect", opacity: 0.7, stroke: "white" },
        encoding: {
          x: { field: "start", type: "quantitative", axis: axisX },
          x2: { field: "end" },
          y: { field: "density", type: "quantitative", title: "Density (per unit return)" },
          y2: { datum: 0 },
          color: { field: "series", type: "nominal", title: "Series" },
        },
      },
      {
        data: { values: curve },
        mark: { type: "line", strokeWidth: 2 },
        encoding: {
          x: { field: "x", type: "quantitative", axis: axisX },
          y: { field: "density", type: "quantitative" },
          color: { field: "series", type: "nominal", title: "Series" },
        },
      },
    ],
  });
}

/** Equal-width bins from min to max; density = count / (n · width), so the bars integrate to 1. */
export function densityHistogram(
  values: readonly number[],
  bins: number,
): { start: number; end: number; density: number }[] {
  if (values.length < 2)
    throw new ScrillaError("SAMPLE_TOO_SMALL", "a histogram needs at least 2 returns; widen the window.");
  const min = Math.min(...values);
  const max = Math.max(...values);
  const width = (max - min) / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (const value of values) counts[Math.min(bins - 1, Math.floor((value - min) / width))]! += 1;
  return counts.map((count, i) => ({
    start: min + i * width,
    end: min + (i + 1) * width,
    density: count / (values.length * width),
  }));
}

function meanAndDeviation(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return { mean, sd: Math.sqrt(variance) || Number.EPSILON };
}
