import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type AssetType, type DateRange, ScrillaError } from "@scrilla/core";
import { assertDateRange, isWithin } from "./date-range.js";
import { FileIdentity } from "./file-identity.js";
import { parseFiniteNumber } from "./parse-number.js";
import type { PriceBar, PriceProvider } from "./provider-types.js";
import { parseSimpleCsvColumns, type SimpleCsvColumns } from "./simple-csv.js";
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
// At most four characters each (csvPrice relies on it).
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

  /**
   * The text of `<TICKER>.csv`, read at most once in a cold run for its hash, this and its prices (the
   * engine scans it for the folder's latest day). NOT_FOUND when there is no such file.
   */
  async sourceText(ticker: string): Promise<string> {
    const { symbol, path } = this.fileOf(ticker);
    try {
      return await this.identity.text(path);
    } catch (error) {
      throw readError(error, symbol, path);
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
      text = this.identity.take(path) ?? (await readFile(path, "utf8"));
    } catch (error) {
      throw readError(error, symbol, path);
    }
    // The column reader takes the common plain CSV at once; only other files wait for csv-parse to load.
    const table = parseSimpleCsvColumns(text, PRICE_COLUMNS) ?? (await csvParseTable(text, path));
    return this.parseBars(table, path, range);
  }

  private parseBars(table: SimpleCsvColumns, path: string, range: DateRange): PriceBar[] {
    const { date, open, close, lines } = priceColumns(table, path, this.adjusted);
    // Every row is checked, not just those in range: a bad file is reported before any of it is cached.
    const bars: SourcedBar[] = [];
    for (let i = 0; i < lines.length; i++) {
      const day = date[i]!;
      if (!ISO_DATE_PREFIX.test(day)) {
        const source = `${path} line ${lines[i]}`;
        throw new ScrillaError("INVALID_INPUT", `${source}: "${day}" is not a YYYY-MM-DD date.`, { path, source });
      }
      const closePrice = csvPrice(close[i], path, lines[i]!, "close");
      // Downloads mark non-trading rows with "null"; such a day simply has no price.
      if (closePrice === undefined) continue;
      const openPrice = open ? (csvPrice(open[i], path, lines[i]!, "open") ?? null) : null;
      bars.push(new CsvBar(day.slice(0, 10), openPrice, closePrice, path, lines[i]!));
    }
    return validatedBars(bars, {
      code: "INVALID_INPUT",
      advice: "Fix that row of the file and run again; nothing from it was cached.",
    }).filter((bar) => isWithin(bar.date, range));
  }
}

function readError(error: unknown, symbol: string, path: string): ScrillaError {
  if ((error as NodeJS.ErrnoException).code === "ENOENT") {
    return new ScrillaError(
      "NOT_FOUND",
      `No price file for ${symbol}: put ${path} (Date,Open,...,Close columns) there.`,
      {
        symbol,
        path,
      },
    );
  }
  return new ScrillaError("PROVIDER_ERROR", `Cannot read ${path}: ${(error as Error).message}`, { path });
}

const PRICE_COLUMNS = ["date", "open", "close", "adj close"] as const;

/** The price columns of any other CSV, by csv-parse (≈ 60 KB, loaded on first use). */
async function csvParseTable(text: string, path: string): Promise<SimpleCsvColumns> {
  const { parse } = await import("csv-parse/sync");
  try {
    return columnsOf(
      parse(text, {
        columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: true,
        bom: true,
        info: true,
      }),
    );
  } catch (error) {
    throw new ScrillaError("INVALID_INPUT", `${path} is not valid CSV: ${(error as Error).message}`, { path });
  }
}

/** The Date, Open (if any) and Close (or Adj Close) cells of a price file, with each row's file line. */
function priceColumns(
  table: SimpleCsvColumns,
  path: string,
  adjusted: boolean,
): { date: string[]; open: string[] | undefined; close: string[]; lines: number[] } {
  if (table.lines.length === 0) {
    throw new ScrillaError(
      "INVALID_INPUT",
      `${path} has no price rows; add Date,Close rows below the header (nothing was cached).`,
      { path },
    );
  }
  const date = table.cells.get("date");
  const close = table.cells.get(adjusted && table.cells.get("adj close") ? "adj close" : "close");
  if (!date || !close) {
    throw new ScrillaError("INVALID_INPUT", `${path} needs a Date and a Close column (header row first).`, { path });
  }
  return { date, open: table.cells.get("open"), close, lines: table.lines };
}

function columnsOf(rows: { record: Record<string, string>; info: { lines: number } }[]): SimpleCsvColumns {
  const header = Object.keys(rows[0]?.record ?? {});
  const cells = new Map(
    PRICE_COLUMNS.map((name) => [name, header.includes(name) ? rows.map((row) => row.record[name]!) : undefined]),
  );
  return { cells, lines: rows.map((row) => row.info.lines) };
}

/** A bar with where it came from, the "file line n" text made only if an error names it. */
class CsvBar implements SourcedBar {
  constructor(
    readonly date: string,
    readonly open: number | null,
    readonly close: number,
    private readonly path: string,
    private readonly line: number,
  ) {}

  get source(): string {
    return `${this.path} line ${this.line}`;
  }
}

/** A price cell: a number, or undefined for the empty/"null" cells of non-trading rows; anything else is an error. */
function csvPrice(cell: string | undefined, path: string, line: number, column: string): number | undefined {
  if (cell === undefined || (cell.length <= 4 && NO_VALUE.has(cell.toLowerCase()))) return undefined;
  const value = parseFiniteNumber(cell);
  if (value === undefined && !/^[+-]?(inf|infinity|nan)$/i.test(cell)) {
    const source = `${path} line ${line}`;
    throw new ScrillaError("INVALID_INPUT", `${source}: the ${column} "${cell}" is not a number.`, { source });
  }
  return value ?? Number(cell);
}
