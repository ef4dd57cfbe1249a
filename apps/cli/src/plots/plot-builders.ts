import type { TopLevelSpec } from "vega-lite";
import { correlationMatrixChart } from "./correlation-matrix-chart.js";
import { correlationsChart } from "./correlations-chart.js";
import { dividendsChart } from "./dividends-chart.js";
import { efficientFrontierChart } from "./efficient-frontier-chart.js";
import { movingAveragesChart } from "./moving-averages-chart.js";
import type { PlotContext } from "./plot-context.js";
import { returnDistributionChart } from "./return-distribution-chart.js";
import { returnQqChart } from "./return-qq-chart.js";
import { riskProfileChart } from "./risk-profile-chart.js";
import { yieldCurveChart } from "./yield-curve-chart.js";

/** Chart builder of every plot command of COMMAND_SPECS, by primary name. */
export const PLOT_BUILDERS: Record<string, (context: PlotContext) => Promise<TopLevelSpec>> = {
  "plot-correlations": correlationsChart,
  "plot-correlation-matrix": correlationMatrixChart,
  "plot-dividends": dividendsChart,
  "plot-efficient-frontier": efficientFrontierChart,
  "plot-moving-averages": movingAveragesChart,
  "plot-return-qq": returnQqChart,
  "plot-return-distribution": returnDistributionChart,
  "plot-risk-profile": riskProfileChart,
  "plot-yield-curve": yieldCurveChart,
};
