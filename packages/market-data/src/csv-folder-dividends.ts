import { join } from "node:path";
import { ScrillaError } from "@scrilla/core";
import { csvDay, readCsvTable, requireDay } from "./csv-file.js";
import { parseFiniteNumber } from "./parse-number.js";
import type { DividendPayment, DividendProvider } from "./provider-types.js";

export interface CsvFolderDividendProviderOptions {
  /** `DIV_DIR`: holds `<TICKER>.csv` files. */
  dir: string;
}

const UNKNOWN_DATE = /^(none|null|n\/a|)$/i;
const DATE_COLUMNS = ["payment_date", "date"];
const AMOUNT_COLUMNS = ["amount", "dividends", "dividend"];

/**
 * Dividend payments from `<dir>/<TICKER>.csv`: AlphaVantage's DIVIDENDS fields as columns
 * (`ex_dividend_date,declaration_date,record_date,payment_date,amount`) or a plain `date,amount`
 * (`Date,Dividends` as spreadsheet downloads write it). Rows without a known payment date are skipped,
 * as the AlphaVantage provider skips `"None"`; the result is latest first.
 */
export class CsvFolderDividendProvider implements DividendProvider {
  readonly name = "csv";

  constructor(private readonly options: CsvFolderDividendProviderOptions) {}

  async fetchDividends(ticker: string): Promise<DividendPayment[]> {
    const symbol = ticker.trim().toUpperCase();
    if (!/^[A-Z0-9.^=_-]+$/.test(symbol)) {
      throw new ScrillaError("INVALID_INPUT", `"${ticker}" is not a ticker symbol (letters, digits, . ^ = _ -).`);
    }
    const table = await readCsvTable(
      join(this.options.dir, `${symbol}.csv`),
      `put ${symbol}'s payments there (payment_date,amount columns), or unset DIV_MANAGER to use AlphaVantage.`,
    );
    const dateColumn = DATE_COLUMNS.find((name) => table.headers.includes(name));
    const amountColumn = AMOUNT_COLUMNS.find((name) => table.headers.includes(name));
    if (!dateColumn || !amountColumn) {
      throw new ScrillaError(
        "INVALID_INPUT",
        `${table.path} needs a payment_date (or date) and an amount column (header row first).`,
        { path: table.path },
      );
    }
    const payments: DividendPayment[] = [];
    table.rows.forEach((row, index) => {
      const raw = row[dateColumn] ?? "";
      if (csvDay(raw) === undefined && UNKNOWN_DATE.test(raw)) return;
      const date = requireDay(table, index, raw);
      const amount = parseFiniteNumber(row[amountColumn]);
      if (amount === undefined || amount < 0) {
        throw new ScrillaError(
          "INVALID_INPUT",
          `${table.path} row ${index + 2}: "${row[amountColumn] ?? ""}" is not a dividend amount.`,
          { path: table.path },
        );
      }
      payments.push({ date, amount });
    });
    return payments.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  }
}
