import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type AssetType, type DateRange, ScrillaError } from "@scrilla/core";
import { parse } from "csv-parse/sync";
import { assertDateRange, isWithin } from "./date-range.js";
import { parseFiniteNumber } from "./parse-number.js";
import type { PriceBar, PriceProvider } from "./provider-types.js";
import { parseSimpleCsv } from "./simple-csv.js";

export interface CsvFolderPriceProviderOptions {
  /** `PRICE_DIR`: holds `<TICKER>.csv` files. */
  dir: string;
  /** Read `Adj Close` instead of `Close` when the file has it (default false, like AlphaVantage's unadjusted prices). */
  adjusted?: boolean;
}

const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;

/**
 * Prices from a folder of CSV files, for offline work and users' own data: `Date,Open,High,Low,Close,Adj Close,Volume`
 * (the common download layout) or plain `date,open,close`; headers are case-insensitive, rows in any order.
 */
export class CsvFolderPriceProvider implements PriceProvider {
  readonly name = "csv";
  private readonly dir: string;
  private readonly adjusted: boolean;

  constructor(options: CsvFolderPriceProviderOptions) {
    this.dir = options.dir;
    this.adjusted = options.adjusted ?? false;
  }

  async fetchDaily(ticker: string, _assetType: AssetType, range: DateRange): Promise<PriceBar[]> {
    assertDateRange(range);
    const symbol = ticker.trim().toUpperCase();
    if (!/^[A-Z0-9.^=_-]+$/.test(symbol)) {
      throw new ScrillaError("INVALID_INPUT", `"${ticker}" is not a ticker symbol (letters, digits, . ^ = _ -).`);
    }
    const path = join(this.dir, `${symbol}.csv`);
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
    let rows: Array<Record<string, string>>;
    try {
      rows =
        parseSimpleCsv(text) ??
        parse(text, {
          columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
          skip_empty_lines: true,
          trim: true,
          bom: true,
        });
    } catch (error) {
      throw new ScrillaError("INVALID_INPUT", `${path} is not valid CSV: ${(error as Error).message}`, { path });
    }
    const first = rows[0];
    const closeColumn = this.adjusted && first && "adj close" in first ? "adj close" : "close";
    if (first && (!("date" in first) || !(closeColumn in first))) {
      throw new ScrillaError("INVALID_INPUT", `${path} needs a Date and a Close column (header row first).`, { path });
    }
    const bars: PriceBar[] = [];
    rows.forEach((row, index) => {
      const date = row.date ?? "";
      if (!ISO_DATE_PREFIX.test(date)) {
        throw new ScrillaError("INVALID_INPUT", `${path} row ${index + 2}: "${date}" is not a YYYY-MM-DD date.`, {
          path,
        });
      }
      const day = date.slice(0, 10);
      const close = parseFiniteNumber(row[closeColumn]);
      // Downloads mark non-trading rows with "null"; such a day simply has no price.
      if (close === undefined || !isWithin(day, range)) return;
      bars.push({ date: day, open: parseFiniteNumber(row.open) ?? null, close });
    });
    return bars.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
}
