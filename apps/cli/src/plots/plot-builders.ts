import {
  correlationMatrixChart,
  correlationsChart,
  dividendsChart,
  efficientFrontierChart,
  movingAveragesChart,
  returnDistributionChart,
  returnQqChart,
  riskProfileChart,
  yieldCurveChart,
} from "@scrilla/charts";
import type { TopLevelSpec } from "vega-lite";
import type { PlotContext } from "./plot-context.js";

/**
 * Chart builder of every plot command of COMMAND_SPECS, by primary name: the engine call the chart needs,
 * then the shared spec of @scrilla/charts (the web app draws the same specs).
 */
export const PLOT_BUILDERS: Record<string, (context: PlotContext) => Promise<TopLevelSpec>> = {
  "plot-correlations": async ({ engine, symbols, options }) =>
    correlationsChart(symbols, await engine.run("correlations", symbols, options)),
  "plot-correlation-matrix": async ({ engine, symbols, options }) =>
    correlationMatrixChart(symbols, await engine.run("correlation", symbols, options), {
      method: options.method ?? "moments",
    }),
  "plot-dividends": async ({ engine, symbols, options }) =>
    dividendsChart(await engine.dividendModel(symbols[0] ?? "", options)),
  "plot-efficient-frontier": async ({ engine, symbols, options }) =>
    efficientFrontierChart(symbols, await engine.run("efficient-frontier", symbols, options), [], options.risk),
  "plot-moving-averages": async ({ engine, symbols, options }) =>
    movingAveragesChart(symbols[0] ?? "", await engine.run("mov-averages", symbols, options)),
  "plot-return-qq": async ({ engine, symbols, options }) => {
    const sample = await engine.returnsSample(symbols[0] ?? "", options);
    return returnQqChart(sample.ticker, sample.returns);
  },
  "plot-return-distribution": async ({ engine, symbols, options }) => {
    const sample = await engine.returnsSample(symbols[0] ?? "", options);
    return returnDistributionChart(sample.ticker, sample.returns);
  },
  "plot-risk-profile": async ({ engine, symbols, options }) =>
    riskProfileChart(await engine.run("risk-profile", symbols, options), { method: options.method ?? "moments" }),
  "plot-yield-curve": async ({ engine, options }) =>
    yieldCurveChart(await engine.run("yield-curve", [], options), options.start ?? "latest"),
};
