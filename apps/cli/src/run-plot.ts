import { resolve } from "node:path";
import type { CliContext } from "./cli-context.js";
import { ScrillaError } from "./light-imports.js";
import { openInViewer } from "./open-in-viewer.js";
import { PLOT_BUILDERS } from "./plots/plot-builders.js";
import { chartFormat, writeChart } from "./plots/render-chart.js";

/** A plot command: builds the chart from engine results and writes SVG, or PNG for a .png path. */
export async function runPlot(context: CliContext): Promise<void> {
  const { spec, output } = context;
  const builder = PLOT_BUILDERS[spec.name];
  if (!builder)
    throw new ScrillaError("INVALID_INPUT", `${spec.name} has no chart in this version of the CLI; see scrilla help.`);
  const path = resolve(context.cwd, output.save ?? `${spec.name}.svg`);
  chartFormat(path); // reject a bad extension before any fetching
  const engine = await context.engine();
  // Titles name the estimation method actually used, the configured default when none was given.
  const method = context.options.method ?? engine.config.DEFAULT_ESTIMATION_METHOD;
  const chart = await builder({ engine, symbols: context.symbols, options: { ...context.options, method } });
  const format = await writeChart(chart, path);
  context.logger.info(`wrote ${format.toUpperCase()} chart ${path}`);
  if (!output.quiet) context.stdout.write(output.json ? `${JSON.stringify({ file: path, format })}\n` : `${path}\n`);
  if (context.raw.open === true) await openInViewer(path, context.logger);
}
