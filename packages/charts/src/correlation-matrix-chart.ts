import type { TopLevelSpec } from "vega-lite";
import { frame } from "./chart-frame.js";
import { isRecord, unexpected } from "./result-shapes.js";

/** Beyond this |ρ| the red-blue cell is dark enough that its label is written in white. */
export const DARK_CELL_CORRELATION = 0.5;

/** A heat map of the correlation result (`correlation_matrix`, rows in symbol order) with the values written in. */
export function correlationMatrixChart(
  symbols: readonly string[],
  result: unknown,
  { method }: { method: string },
): TopLevelSpec {
  const matrix = isRecord(result) ? result.correlation_matrix : undefined;
  if (!Array.isArray(matrix)) throw unexpected(result);
  const cells = matrix.flatMap((row, i) =>
    (row as number[]).map((value, j) => ({ row: symbols[i], column: symbols[j], correlation: value })),
  );
  const axis = { type: "nominal", sort: [...symbols] };
  return frame(`Correlation matrix (${method} method)`, {
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
        encoding: {
          text: { field: "correlation", type: "quantitative", format: ".2f" },
          // Dark cells (the diagonal's ρ = 1 among them) get white text, light cells black.
          color: {
            condition: { test: `abs(datum.correlation) > ${DARK_CELL_CORRELATION}`, value: "white" },
            value: "black",
          },
        },
      },
    ],
  });
}
