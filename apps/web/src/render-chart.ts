import { parse, View } from "vega";
import { expressionInterpreter } from "vega-interpreter";
import { compile, type TopLevelSpec } from "vega-lite";

/**
 * Draws a Vega-Lite spec as SVG into `container`. Expressions run in Vega's interpreter rather than as
 * generated functions, so the page's CSP needs no 'unsafe-eval'. Loaded on the first chart only (code split).
 */
export async function renderChart(container: HTMLElement, spec: TopLevelSpec, description: string): Promise<View> {
  const runtime = parse(compile(spec).spec, undefined, { ast: true });
  const view = new View(runtime, { expr: expressionInterpreter, renderer: "svg", container, hover: true });
  await view.runAsync();
  container.querySelector("svg")?.setAttribute("aria-label", description);
  return view;
}
