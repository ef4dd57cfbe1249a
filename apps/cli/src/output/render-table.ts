import { styleText } from "node:util";
import { formatMoney, formatNumber, formatPercent } from "./number-format.js";
import type { Cell, CellStyle, Section } from "./tabulate.js";

/** A cell as text: percentages and money where the original showed them (spec §10.7). */
export function formatCell(cell: Cell, style: CellStyle): string {
  if (cell === null) return "";
  if (typeof cell !== "number") return String(cell);
  switch (style) {
    case "percent":
      return formatPercent(cell);
    case "points":
      // Values already in percent as published (interest rates).
      return `${formatNumber(cell)}%`;
    case "money":
      return formatMoney(cell);
    case "integer":
      return Number.isInteger(cell) ? String(cell) : formatNumber(cell);
    default:
      return formatNumber(cell);
  }
}

/** Aligned plain-text tables; numbers right-aligned, headers bold on a colour terminal. */
export function renderSections(sections: readonly Section[], stream: NodeJS.WritableStream): string {
  return sections.map((section) => renderSection(section, stream)).join("\n");
}

function renderSection(section: Section, stream: NodeJS.WritableStream): string {
  const lastColumn = section.columns.length - 1;
  const text = section.rows.map((row, r) =>
    row.map((cell, c) =>
      formatCell(
        cell,
        c === lastColumn && section.rowStyles ? (section.rowStyles[r] ?? "text") : (section.styles[c] ?? "text"),
      ),
    ),
  );
  const widths = section.columns.map((column, c) =>
    Math.max(column.length, ...text.map((row) => (row[c] ?? "").length)),
  );
  const rightAligned = section.columns.map((_, c) => section.rows.some((row) => typeof row[c] === "number"));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (rightAligned[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join("  ")
      .trimEnd();
  const lines: string[] = [];
  if (section.title) lines.push(styleText("bold", section.title, { stream }));
  lines.push(styleText("bold", line(section.columns), { stream }));
  lines.push(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of text) lines.push(line(row));
  return `${lines.join("\n")}\n`;
}
