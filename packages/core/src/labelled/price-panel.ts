import { invalidInput } from "../errors.js";
import { shown } from "./estimator-options.js";

/**
 * A panel labelled by ticker and date, **assets × days**: `values[i]` is the row of ticker `tickers[i]`,
 * one entry per date. A flat `Float64Array` is read row-major (`values[i * dates.length + t]`).
 * `NaN` marks a missing observation.
 */
export interface LabelledPanel {
  tickers: readonly string[];
  dates: readonly string[];
  values: Float64Array | readonly ArrayLike<number>[];
}

/** One ascending price series per ticker; the series may cover different dates. */
export type PricesByTicker = Readonly<Record<string, { dates: readonly string[]; close: ArrayLike<number> }>>;

/** Prices as a labelled panel or as a series per ticker. */
export type PriceInput = LabelledPanel | PricesByTicker;

/**
 * What to do with missing observations (a date one ticker lacks, or a `NaN`):
 * - `"reject"` (default): `INVALID_INPUT` naming the ticker and date;
 * - `"complete-cases"`: keep only the dates on which every ticker has a price;
 * - `"pairwise"`: keep every date; each statistic uses the observations it has (per asset for means,
 *   per pair for covariances). Only the sample estimators accept it (see each estimator).
 */
export type MissingDataPolicy = "reject" | "complete-cases" | "pairwise";

export const MISSING_DATA_POLICIES: readonly MissingDataPolicy[] = ["reject", "complete-cases", "pairwise"];

/** A validated panel: `values[i * dates.length + t]`, NaN only where data is missing. */
export interface PricePanel {
  tickers: string[];
  dates: string[];
  values: Float64Array;
}

export function isLabelledPanel(input: PriceInput): input is LabelledPanel {
  const candidate = input as Partial<LabelledPanel>;
  return Array.isArray(candidate.tickers) && Array.isArray(candidate.dates) && candidate.values !== undefined;
}

/** Validates prices (either form) into an assets × days panel under the missing-data policy. */
export function pricePanel(input: PriceInput, missing: MissingDataPolicy = "reject"): PricePanel {
  if (input === null || typeof input !== "object") {
    throw invalidInput("Prices must be { tickers, dates, values } or an object of { dates, close } series by ticker.");
  }
  const panel = isLabelledPanel(input) ? fromLabelledPanel(input) : fromSeriesByTicker(input);
  checkPrices(panel, missing);
  return missing === "complete-cases" ? completeCases(panel) : panel;
}

function fromLabelledPanel(input: LabelledPanel): PricePanel {
  const tickers = checkTickers(input.tickers);
  const dates = checkDates(input.dates, "the panel");
  const n = tickers.length;
  const days = dates.length;
  const orientation = `expected assets × days: ${n} rows (one per ticker) of ${days} values (one per date)`;
  const values = new Float64Array(n * days);
  if (input.values instanceof Float64Array) {
    if (input.values.length !== n * days) {
      throw invalidInput(`The panel holds ${input.values.length} values; ${orientation}, row-major.`, {
        expected: [n, days],
      });
    }
    values.set(input.values);
  } else {
    const rows = input.values;
    const transposed = rows.length === days && rows.every((row) => row?.length === n) && n !== days;
    if (transposed) {
      throw invalidInput(
        `The panel looks transposed (${days} rows of ${n} values, days × assets); ${orientation}. Transpose it.`,
        { expected: [n, days], got: [days, n] },
      );
    }
    if (rows.length !== n) {
      throw invalidInput(`The panel has ${rows.length} rows for ${n} tickers; ${orientation}.`, {
        expected: [n, days],
      });
    }
    rows.forEach((row, i) => {
      if (row?.length !== days) {
        throw invalidInput(`Row ${i} (${tickers[i]}) has ${row?.length} values for ${days} dates; ${orientation}.`, {
          expected: [n, days],
        });
      }
      for (let t = 0; t < days; t++) values[i * days + t] = toNumber(row[t], tickers[i]!, dates[t]!);
    });
  }
  return { tickers, dates, values };
}

function fromSeriesByTicker(input: PricesByTicker): PricePanel {
  const tickers = checkTickers(Object.keys(input));
  const allDates = new Set<string>();
  for (const ticker of tickers) {
    const series = input[ticker]!;
    if (!series || !Array.isArray(series.dates) || series.close?.length !== series.dates.length) {
      throw invalidInput(`The series of ${ticker} must be { dates, close } with one close per date.`, { ticker });
    }
    checkDates(series.dates, ticker);
    for (const date of series.dates) allDates.add(date);
  }
  const dates = [...allDates].sort();
  const position = new Map(dates.map((date, t) => [date, t]));
  const days = dates.length;
  const values = new Float64Array(tickers.length * days).fill(Number.NaN);
  tickers.forEach((ticker, i) => {
    const series = input[ticker]!;
    series.dates.forEach((date, k) => {
      values[i * days + position.get(date)!] = toNumber(series.close[k], ticker, date);
    });
  });
  return { tickers, dates, values };
}

function toNumber(value: unknown, ticker: string, date: string): number {
  if (typeof value !== "number") {
    throw invalidInput(`The price of ${ticker} on ${date} is ${shown(value)}, not a number.`, {
      ticker,
      date,
    });
  }
  return value;
}

function checkPrices(panel: PricePanel, missing: MissingDataPolicy): void {
  const days = panel.dates.length;
  panel.values.forEach((price, k) => {
    const ticker = panel.tickers[Math.floor(k / days)]!;
    const date = panel.dates[k % days]!;
    if (Number.isNaN(price)) {
      if (missing === "reject") {
        throw invalidInput(
          `${ticker} has no price on ${date}; align the series, or pass missing: "complete-cases" or "pairwise".`,
          { ticker, date },
        );
      }
    } else if (!(price > 0 && Number.isFinite(price))) {
      throw invalidInput(`The price of ${ticker} on ${date} is ${price}; prices must be finite and positive.`, {
        ticker,
        date,
      });
    }
  });
}

function completeCases(panel: PricePanel): PricePanel {
  const { tickers, dates, values } = panel;
  const days = dates.length;
  const kept = dates.map((_, t) => tickers.every((_, i) => !Number.isNaN(values[i * days + t]!)));
  const keptDates = dates.filter((_, t) => kept[t]);
  const out = new Float64Array(tickers.length * keptDates.length);
  let k = 0;
  for (let i = 0; i < tickers.length; i++) {
    for (let t = 0; t < days; t++) if (kept[t]) out[k++] = values[i * days + t]!;
  }
  return { tickers: [...tickers], dates: keptDates, values: out };
}

function checkTickers(tickers: readonly unknown[]): string[] {
  if (!Array.isArray(tickers) || tickers.length === 0) throw invalidInput("Pass at least one ticker.");
  const seen = new Set<string>();
  for (const ticker of tickers) {
    if (typeof ticker !== "string" || ticker === "")
      throw invalidInput(`Ticker ${JSON.stringify(ticker)} is not a name.`);
    if (seen.has(ticker)) throw invalidInput(`Ticker ${ticker} appears twice; pass each ticker once.`, { ticker });
    seen.add(ticker);
  }
  return [...(tickers as string[])];
}

function checkDates(dates: readonly unknown[], owner: string): string[] {
  if (!Array.isArray(dates)) throw invalidInput(`The dates of ${owner} must be an array of YYYY-MM-DD strings.`);
  for (let t = 0; t < dates.length; t++) {
    const date = dates[t];
    if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw invalidInput(`Date ${t} of ${owner} is ${JSON.stringify(date)}; use YYYY-MM-DD.`);
    }
    if (t > 0 && !((dates[t - 1] as string) < date)) {
      throw invalidInput(`The dates of ${owner} must ascend without repeats (oldest first); see ${date}.`);
    }
  }
  return [...(dates as string[])];
}
