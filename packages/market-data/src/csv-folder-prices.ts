import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type AssetType, type DateRange, ScrillaError } from "@scrilla/core";
import { parse } from "csv-parse/sync";
import { assertDateRange, isWithin } from "./date-range.js";
import { FileIdentity } from "./file-identity.js";
import { parseFiniteNumber } from "./parse-number.js";
import type { PriceBar, PriceProvider } from "./provider-types.js";
import { type CsvRow, parseSimpleCsv } from "./simple-csv.js";
import { type SourcedBar, validatedBars } from "./validate-bars.js";

export interface CsvFolderPriceProviderOptions {
  /** `PRICE_DIR`: holds `<TICKER>.csv` files. */
  dir: string;
  /** Read `Adj Close` instead of `Close` when the file has it (default false, like AlphaVantage's unadjusted prices). */
  adjusted?: boolean;
  /** JSON file remembering each file's content hash by its stamp, so a warm run opens no price file (none: per process). */
  hashCacheFile?: string;
}

const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}(?:$|[ T])/;
const NO_VALUE = new Set(["", "null", "none", ".", "n/a", "-"]);

/**
 * Prices from a folder of CSV files, for offline work and users' own data: `Date,Open,High,Low,Close,Adj Close,Volume`
 * (the common download layout) or plain `date,open,close`; headers are case-insensitive, rows in any order.
 */
export class CsvFolderPriceProvider implements PriceProvider {
  readonly name = "csv";
  private readonly dir: string;
  private readonly adjusted: boolean;
  private readonly identity: FileIdentity;

  constructor(options: CsvFolderPriceProviderOptions) {
    this.dir = options.dir;
    this.adjusted = options.adjusted ?? false;
    this.identity = new FileIdentity(options.hashCacheFile);
  }

  /** The content hash of `<TICKER>.csv` ("missing" when absent): an edited file gets new cache keys. */
  async sourceVersion(ticker: string): Promise<string> {
    const { path } = this.fileOf(ticker);
    try {
      return await this.identity.of(path);
    } catch (error) {
      throw new ScrillaError("PROVIDER_ERROR", `Cannot read ${path}: ${(error as Error).message}`, { path });
    }
  }

  private fileOf(ticker: string): { symbol: string; path: string } {
    const symbol = ticker.trim().toUpperCase();
    if (!/^[A-Z0-9.^=_-]+$/.test(symbol)) {
      throw new ScrillaError("INVALID_INPUT", `"${ticker}" is not a ticker symbol (letters, digits, . ^ = _ -).`);
    }
    return { symbol, path: join(this.dir, `${symbol}.csv`) };
  }

  async fetchDaily(ticker: string, _assetType: AssetType, range: DateRange): Promise<PriceBar[]> {
    assertDateRange(range);
    const { symbol, path } = this.fileOf(ticker);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        throw new ScrillaError(
          "NOT_FOUND",
          `No price file for ${symbol}: put ${path} (Date,Open,...,Close columns) there.`,
          {
            symbol,
            path,
          },
        );
      }
      throw new ScrillaError("PROVIDER_ERROR", `Cannot read ${path}: ${(error as Error).message}`, { path });
    }
    return this.parseBars(text, path, range);
  }

  private parseBars(text: string, path: string, range: DateRange): PriceBar[] {
    let rows: CsvRow[];
    try {
      rows =
        parseSimpleCsv(text) ??
        parse(text, {
          columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
          skip_empty_lines: true,
          trim: true,
          bom: true,
          info: true,
        });
    } catch (error) {
      throw new ScrillaError("INVALID_INPUT", `${path} is not valid CSV: ${(error as Error).message}`, { path });
    }
    const first = rows[0]?.record;
    if (!first) {
      throw new ScrillaError(
        "INVALID_INPUT",
        `${path} has no price rows; add Date,Close rows below the header (nothing was cached).`,
        { path },
      );
    }
    const closeColumn = this.adjusted && "adj close" in first ? "adj close" : "close";
    if (!("date" in first) || !(closeColumn in first)) {
      throw new ScrillaError("INVALID_INPUT", `${path} needs a Date and a Close column (header row first).`, { path });
    }
    // Every row is checked, not just those in range: a bad file is reported before any of it is cached.
    return validatedBars(sourcedBars(rows, path, closeColumn), {
      code: "INVALID_INPUT",
      advice: "Fix that row of the file and run again; nothing from it was cached.",
    }).filter((bar) => isWithin(bar.date, range));
  }
}

function sourcedBars(rows: CsvRow[], path: string, closeColumn: string): SourcedBar[] {
  const bars: SourcedBar[] = [];
  for (const { record: row, info } of rows) {
    const source = `${path} line ${info.lines}`;
    const date = row.date ?? "";
    if (!ISO_DATE_PREFIX.test(date)) {
      throw new ScrillaError("INVALID_INPUT", `${source}: "${date}" is not a YYYY-MM-DD date.`, { path, source });
    }
    const close = csvPrice(row[closeColumn], source, "close");
    // Downloads mark non-trading rows with "null"; such a day simply has no price.
    if (close === undefined) continue;
    bars.push({ date: date.slice(0, 10), open: csvPrice(row.open, source, "open") ?? null, close, source });
  }
  return bars;
}

/** A price cell: a number, or undefined for the empty/"null" cells of non-trading rows; anything else is an error. */
function csvPrice(cell: string | undefined, source: string, column: string): number | undefined {
  if (cell === undefined || NO_VALUE.has(cell.toLowerCase())) return undefined;
  const value = parseFiniteNumber(cell);
  if (value === undefined && !/^[+-]?(inf|infinity|nan)$/i.test(cell)) {
    throw new ScrillaError("INVALID_INPUT", `${source}: the ${column} "${cell}" is not a number.`, { source });
  }
  return value ?? Number(cell);
}
