import { type FormatName, formats } from "./format.js";

export interface Column {
  field: string;
  title: string;
  format: FormatName;
}

/** A table of results; each cell carries its exact value (data-value) next to the rounded text. */
export function NumberTable({
  caption,
  columns,
  rows,
  testId,
  rowTitle = "Asset",
}: {
  caption: string;
  columns: readonly Column[];
  rows: readonly { key: string; values: Record<string, unknown> }[];
  testId: string;
  rowTitle?: string;
}) {
  return (
    <table class="numbers" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowTitle}</th>
          {columns.map((column) => (
            <th scope="col" key={column.field}>
              {column.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-row={row.key}>
            <th scope="row">{row.key}</th>
            {columns.map((column) => {
              const value = row.values[column.field];
              return (
                <td key={column.field} data-field={column.field} data-value={typeof value === "number" ? value : ""}>
                  {typeof value === "number" ? formats[column.format](value) : "—"}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
