import { writeFile } from "node:fs/promises";
import { extname } from "node:path";
import type { TopLevelSpec } from "vega-lite";
import { ScrillaError } from "../light-imports.js";

export type ChartFormat = "svg" | "png";

/** The output format a `--save` path asks for; anything but .svg/.png is a usage error. */
export function chartFormat(path: string): ChartFormat {
  const extension = extname(path).toLowerCase();
  if (extension === ".svg" || extension === ".png") return extension.slice(1) as ChartFormat;
  throw new ScrillaError(
    "INVALID_INPUT",
    `plots are written as .svg or .png, not "${path}"; choose e.g. --save chart.png.`,
  );
}

/** Renders a Vega-Lite spec headlessly to SVG (no canvas), and to PNG through resvg when asked. */
export async function writeChart(spec: TopLevelSpec, path: string): Promise<ChartFormat> {
  const format = chartFormat(path);
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  let body: string | Buffer = svg;
  if (format === "png") {
    const { Resvg } = await import("@resvg/resvg-js");
    body = new Resvg(svg, {
      fitTo: { mode: "zoom", value: 2 },
      background: "white",
      font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
    })
      .render()
      .asPng();
  }
  try {
    await writeFile(path, body);
  } catch (error) {
    throw new ScrillaError(
      "INVALID_INPUT",
      `cannot write ${path}: ${(error as Error).message}; choose a writable path.`,
    );
  }
  return format;
}
