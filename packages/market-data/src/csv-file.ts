import { readFile } from "node:fs/promises";
import { ScrillaError } from "@scrilla/core";

/** A CSV file's rows keyed by header (trimmed, lower-cased), and the headers in file order. */
export interface CsvTable {
  path: string;
  headers: string[];
  rows: Array<Record<string, string>>;
}

/**
 * Reads a header-first CSV file of one of the offline folders. A missing file is NOT_FOUND with `hint`
 * (what to put there); unreadable or malformed files are PROVIDER_ERROR / INVALID_INPUT naming the path.
 */
export async function readCsvTable(path: string, hint: string): Promise<CsvTable> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new ScrillaError("NOT_FOUND", `${path} does not exist: ${hint}`, { path });
    }
    throw new ScrillaError("PROVIDER_ERROR", `Cannot read ${path}: ${(error as Error).message}`, { path });
  }
  let headers: string[] = [];
  // Loaded on first use (≈ 60 KB): most runs read these folders from the cache or not at all.
  const { parse } = await import("csv-parse/sync");
  try {
    const rows: Array<Record<string, string>> = parse(text, {
      columns: (header: string[]) => {
        headers = header.map((name) => name.trim().toLowerCase());
        return headers;
      },
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
    return { path, headers, rows };
  } catch (error) {
    throw new ScrillaError("INVALID_INPUT", `${path} is not valid CSV: ${(error as Error).message}`, { path });
  }
}

const ISO_PREFIX = /^(\d{4}-\d{2}-\d{2})/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** An ISO day from `YYYY-MM-DD[…]` or the Treasury's `MM/DD/YYYY`; undefined for anything else. */
export function csvDay(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const iso = ISO_PREFIX.exec(value);
  if (iso) return iso[1];
  const us = US_DATE.exec(value);
  if (!us) return undefined;
  return `${us[3]}-${us[1]!.padStart(2, "0")}-${us[2]!.padStart(2, "0")}`;
}

/** The day of row `index` (0-based, after the header) or an INVALID_INPUT naming the file and line. */
export function requireDay(table: CsvTable, index: number, value: string | undefined): string {
  const day = csvDay(value);
  if (day === undefined) {
    throw new ScrillaError(
      "INVALID_INPUT",
      `${table.path} row ${index + 2}: "${value ?? ""}" is not a date (YYYY-MM-DD or MM/DD/YYYY).`,
      { path: table.path },
    );
  }
  return day;
}
