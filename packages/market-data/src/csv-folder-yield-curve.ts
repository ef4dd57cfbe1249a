import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { type DateRange, MATURITIES, type Maturity, ScrillaError } from "@scrilla/core";
import { type CsvTable, readCsvTable, requireDay } from "./csv-file.js";
import { assertDateRange, isWithin } from "./date-range.js";
import { parseFiniteNumber } from "./parse-number.js";
import type { YieldCurveDay, YieldCurveProvider } from "./provider-types.js";

export interface CsvYieldCurveProviderOptions {
  /** `STAT_DIR`: holds `daily-treasury-rates*.csv`. */
  dir: string;
}

/** The Treasury CSV download's column headings per maturity; scrilla's names (`TEN_YEAR`) are accepted too. */
export const TREASURY_CSV_HEADINGS: Record<Maturity, string> = {
  ONE_MONTH: "1 mo",
  TWO_MONTH: "2 mo",
  THREE_MONTH: "3 mo",
  SIX_MONTH: "6 mo",
  ONE_YEAR: "1 yr",
  TWO_YEAR: "2 yr",
  THREE_YEAR: "3 yr",
  FIVE_YEAR: "5 yr",
  SEVEN_YEAR: "7 yr",
  TEN_YEAR: "10 yr",
  TWENTY_YEAR: "20 yr",
  THIRTY_YEAR: "30 yr",
};

const FILE_NAME = /^daily-treasury-rates.*\.csv$/i;

/**
 * The Treasury par yield curve from the files the Treasury's "Download CSV" button writes
 * (`daily-treasury-rates.csv`: `Date,"1 Mo",…,"30 Yr"`, dates MM/DD/YYYY, latest first, percent).
 * Every `daily-treasury-rates*.csv` of the folder is read (one per downloaded year); columns the Treasury
 * added later (`4 Mo`, `1.5 Month`) are ignored and an empty cell is a value not published (null).
 */
export class CsvYieldCurveProvider implements YieldCurveProvider {
  readonly name = "csv";

  constructor(private readonly options: CsvYieldCurveProviderOptions) {}

  async fetchYieldCurve(range: DateRange): Promise<YieldCurveDay[]> {
    assertDateRange(range);
    const byDate = new Map<string, YieldCurveDay>();
    for (const path of await this.files()) {
      const table = await readCsvTable(path, "download it from the Treasury's daily par yield curve page.");
      const columns = maturityColumns(table);
      table.rows.forEach((row, index) => {
        const date = requireDay(table, index, row.date);
        if (!isWithin(date, range)) return;
        const rates = {} as Record<Maturity, number | null>;
        for (const maturity of MATURITIES) {
          const column = columns[maturity];
          rates[maturity] = column === undefined ? null : (parseFiniteNumber(row[column]) ?? null);
        }
        byDate.set(date, { date, rates });
      });
    }
    return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  private async files(): Promise<string[]> {
    const { dir } = this.options;
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      throw new ScrillaError(
        (error as NodeJS.ErrnoException).code === "ENOENT" ? "NOT_FOUND" : "PROVIDER_ERROR",
        `Cannot read STAT_DIR ${dir}: ${(error as Error).message}`,
        { dir },
      );
    }
    const files = names.filter((name) => FILE_NAME.test(name)).sort();
    if (files.length === 0) {
      throw new ScrillaError(
        "NOT_FOUND",
        `No daily-treasury-rates*.csv in ${dir}: download the daily par yield curve CSV from the Treasury there, or set RISK_FREE_RATE for a fixed rate.`,
        { dir },
      );
    }
    return files.map((name) => join(dir, name));
  }
}

function maturityColumns(table: CsvTable): Partial<Record<Maturity, string>> {
  if (!table.headers.includes("date")) {
    throw new ScrillaError("INVALID_INPUT", `${table.path} needs a Date column (header row first).`, {
      path: table.path,
    });
  }
  const columns: Partial<Record<Maturity, string>> = {};
  for (const maturity of MATURITIES) {
    const heading = [TREASURY_CSV_HEADINGS[maturity], maturity.toLowerCase()].find((h) => table.headers.includes(h));
    if (heading) columns[maturity] = heading;
  }
  if (Object.keys(columns).length === 0) {
    throw new ScrillaError(
      "INVALID_INPUT",
      `${table.path} has no maturity column ("1 Mo" … "30 Yr" as the Treasury writes them).`,
      { path: table.path },
    );
  }
  return columns;
}
