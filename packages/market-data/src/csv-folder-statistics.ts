import { join } from "node:path";
import { type DateRange, ScrillaError } from "@scrilla/core";
import { readCsvTable, requireDay } from "./csv-file.js";
import { assertDateRange, isWithin } from "./date-range.js";
import { parseFiniteNumber } from "./parse-number.js";
import type { FredObservation, StatisticsProvider } from "./provider-types.js";

export interface CsvFolderStatisticsProviderOptions {
  /** `STAT_DIR`: holds `<SERIES>.csv` files. */
  dir: string;
}

/**
 * FRED series from `<dir>/<SERIES>.csv` as FRED's "Download CSV" writes them: a date column
 * (`observation_date`, or `DATE` in older downloads) then the series' column; an empty value or FRED's
 * `.` is a missing observation and is left out, as the FRED API provider does.
 */
export class CsvFolderStatisticsProvider implements StatisticsProvider {
  readonly name = "csv";

  constructor(private readonly options: CsvFolderStatisticsProviderOptions) {}

  async fetchSeries(seriesId: string, range: DateRange): Promise<FredObservation[]> {
    assertDateRange(range);
    const id = seriesId.trim().toUpperCase();
    if (!/^[A-Z0-9_]+$/.test(id)) {
      throw new ScrillaError("INVALID_INPUT", `"${seriesId}" is not a FRED series id (letters, digits, _).`);
    }
    const table = await readCsvTable(
      join(this.options.dir, `${id}.csv`),
      `download series ${id} as CSV from fred.stlouisfed.org there, or unset STAT_MANAGER to use the FRED API.`,
    );
    const [dateColumn, valueColumn] = table.headers;
    if (!dateColumn || !valueColumn || !/date/.test(dateColumn)) {
      throw new ScrillaError(
        "INVALID_INPUT",
        `${table.path} needs a date column then a value column (observation_date,${id}).`,
        { path: table.path },
      );
    }
    const observations: FredObservation[] = [];
    table.rows.forEach((row, index) => {
      const date = requireDay(table, index, row[dateColumn]);
      const value = parseFiniteNumber(row[valueColumn]);
      if (value !== undefined && isWithin(date, range)) observations.push({ date, value });
    });
    return observations.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
}
