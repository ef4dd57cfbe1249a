import type { TopLevelSpec } from "vega-lite";
import { frame, percentAxis } from "./chart-frame.js";

/** One labelled portfolio's weights, in the holdings order of an allocation result. */
export interface LabelledAllocation {
  label: string;
  holdings: readonly { ticker: string; allocation: number }[];
}

/** The weights of each portfolio as grouped bars: one group per portfolio, one bar per asset. */
export function allocationChart(portfolios: readonly LabelledAllocation[]): TopLevelSpec {
  const values = portfolios.flatMap((portfolio) =>
    portfolio.holdings.map((holding) => ({
      portfolio: portfolio.label,
      ticker: holding.ticker,
      weight: holding.allocation,
    })),
  );
  return frame("Portfolio weights", {
    height: 260,
    data: { values },
    mark: "bar",
    encoding: {
      x: {
        field: "portfolio",
        type: "nominal",
        title: "Portfolio",
        sort: portfolios.map((p) => p.label),
        axis: { labelAngle: 0 },
      },
      xOffset: { field: "ticker", type: "nominal" },
      y: { field: "weight", type: "quantitative", axis: percentAxis("Weight", ".0%"), scale: { domain: [0, 1] } },
      color: { field: "ticker", type: "nominal", title: "Asset" },
      tooltip: [
        { field: "portfolio", type: "nominal" },
        { field: "ticker", type: "nominal" },
        { field: "weight", type: "quantitative", format: ".2%" },
      ],
    },
  });
}
