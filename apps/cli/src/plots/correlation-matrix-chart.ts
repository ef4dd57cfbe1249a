import type { TopLevelSpec } from "vega-lite";
import { frame } from "./chart-frame.js";
import type { PlotContext } from "./plot-context.js";
import { isRecord, unexpected } from "./result-shapes.js";

/** plot-correlation-matrix: a heat map of the correlation matrix with the values written in. */
export async function correlationMatrixChart({ engine, symbols, options }: PlotContext): Promise<TopLevelSpec> {
  const result = await engine.run("correlation", symbols, options);
  const matrix = isRecord(result) ? result.correlation_matrix : undefined;
  if (!Array.isArray(matrix)) throw unexpected(result);
  const cells = matrix.flatMap((row, i) =>
    (row as number[]).map((value, j) => ({ row: symbols[i], column: symbols[j], correlation: value })),
  );
  const axis = { type: "nominal", sort: symbols };
  return frame(`Correlation matrix (${options.method ?? "moments"} method)`, {
    width: 80 * symbols.length,
    height: 80 * symbols.length,
    data: { values: cells },
    encoding: {
      x: { field: "column", ...axis, title: "Asset" },
      y: { field: "row", ...axis, title: "Asset" },
    },
    layer: [
      {
        mark: "rect",
        encoding: {
          color: {
            field: "correlation",
            type: "quantitative",
            title: "Correlation ρ",
            scale: { scheme: "redblue", domain: [-1, 1], reverse: true },
          },
        },
      },
      {
        mark: { type: "text", fontSize: 12 },
        encoding: { text: { field: "correlation", type: "quantitative", format: ".2f" } },
      },
    ],
  });
}
