/**
 * The plain CSV of price downloads (comma-separated, no quotes, one header row) read by finding commas and
 * line ends with indexOf, keeping only the columns asked for: no array per line, no record per row
 * (≈ 10× less garbage than a general parser on a 1,260-row file). What it accepts it reads exactly as
 * csv-parse does with `columns` (trimmed, lower-cased header), `trim`, `bom` and `skip_empty_lines`;
 * anything else — a quote, mixed line ends, a whitespace-only line, a row with another field count, a
 * repeated column, a tab or a non-ASCII character — gives undefined, and the caller hands the text to the
 * real parser, which accepts or explains it.
 */
export interface SimpleCsvColumns {
  /** Per name asked for (lower case), its trimmed cells row by row; undefined when the header lacks it. */
  cells: Map<string, string[] | undefined>;
  /** The 1-based file line of each row, as csv-parse's `info.lines`. */
  lines: number[];
}

const SPACE = 32;

export function parseSimpleCsvColumns(text: string, names: readonly string[]): SimpleCsvColumns | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Printable ASCII only (no quote, no tab): trimming and splitting then mean exactly what they mean to csv-parse.
  if (/[^\n\r\x20-\x21\x23-\x7e]/.test(start === 0 ? text : text.slice(start))) return undefined;
  // One kind of line end throughout, as csv-parse takes the first one it meets for all: "\r" only in "\r\n".
  const crlf = text.includes("\r", start);
  if (crlf && /\r(?!\n)|(?<!\r)\n/.test(text)) return undefined;
  const lineEndLength = crlf ? 2 : 1;
  const lineEnd = crlf ? "\r\n" : "\n";
  const endOf = (from: number) => {
    const end = text.indexOf(lineEnd, from);
    return end < 0 ? text.length : end;
  };

  let at = start;
  let line = 1;
  while (at < text.length && endOf(at) === at) {
    at += lineEndLength;
    line++;
  }
  if (at >= text.length) return { cells: new Map(names.map((name) => [name, undefined])), lines: [] };
  const headerEnd = endOf(at);
  const headerText = text.slice(at, headerEnd);
  if (headerText.trim() === "") return undefined;
  const header = headerText.split(",").map((name) => name.trim().toLowerCase());
  if (new Set(header).size !== header.length) return undefined;
  const wanted = new Int32Array(header.length).fill(-1);
  const cells = new Map<string, string[] | undefined>();
  const columns: string[][] = [];
  for (const name of names) {
    const index = header.indexOf(name);
    if (index < 0) {
      cells.set(name, undefined);
      continue;
    }
    wanted[index] = columns.length;
    const column: string[] = [];
    columns.push(column);
    cells.set(name, column);
  }

  const lines: number[] = [];
  const width = header.length;
  for (at = headerEnd + lineEndLength, line++; at < text.length; at = endOf(at) + lineEndLength, line++) {
    const end = endOf(at);
    if (end === at) continue;
    let field = 0;
    for (let fieldStart = at; ; field++) {
      if (field >= width) return undefined;
      const comma = text.indexOf(",", fieldStart);
      const fieldEnd = comma < 0 || comma > end ? end : comma;
      const slot = wanted[field]!;
      if (slot >= 0) columns[slot]!.push(trimmed(text, fieldStart, fieldEnd));
      if (fieldEnd === end) break;
      fieldStart = fieldEnd + 1;
    }
    // A line of spaces only: csv-parse's skip_empty_lines does not skip it (a line with a comma is never one).
    if (field !== width - 1 || (width === 1 && trimmed(text, at, end) === "")) return undefined;
    lines.push(line);
  }
  return { cells, lines };
}

/** text[from, to) without leading and trailing spaces (the only whitespace a simple text can hold). */
function trimmed(text: string, from: number, to: number): string {
  let a = from;
  let b = to;
  while (a < b && text.charCodeAt(a) === SPACE) a++;
  while (b > a && text.charCodeAt(b - 1) === SPACE) b--;
  return text.slice(a, b);
}
