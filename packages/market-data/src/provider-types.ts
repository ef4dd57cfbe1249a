import type { AssetType, DateRange, Maturity } from "@scrilla/core";

/** One day of a provider's prices, ascending by date in every provider result. */
export interface PriceBar {
  date: string;
  open: number | null;
  close: number;
}

export interface PriceProvider {
  readonly name: string;
  /** Daily prices of one ticker within `range` (inclusive), ascending. Unknown ticker → NOT_FOUND error. */
  fetchDaily(ticker: string, assetType: AssetType, range: DateRange): Promise<PriceBar[]>;
  /**
   * Identity of the data behind `ticker` for sources that can change under the cache (a local file): when it
   * changes, whatever was cached from the old data is stale. Services whose history is final leave it out.
   */
  sourceVersion?(ticker: string): Promise<string>;
  /** The raw text behind `ticker` for such a source, read once per process with its version. */
  sourceText?(ticker: string): Promise<string>;
}

/** One day of the Treasury yield curve, percent as published; null where the source left a value empty. */
export interface YieldCurveDay {
  date: string;
  rates: Record<Maturity, number | null>;
}

export interface YieldCurveProvider {
  readonly name: string;
  /** Every published curve day within `range` (inclusive), ascending. */
  fetchYieldCurve(range: DateRange): Promise<YieldCurveDay[]>;
}

/** A dividend payment: payment date and cash amount per share. */
export interface DividendPayment {
  date: string;
  amount: number;
}

export interface DividendProvider {
  readonly name: string;
  /** Payments, latest first (spec §7.6). */
  fetchDividends(ticker: string): Promise<DividendPayment[]>;
}

export interface AssetTypeResolver {
  /** equity or crypto for an (upper-cased) symbol; an explicit override wins (D-37). */
  resolve(ticker: string, override?: AssetType): Promise<AssetType>;
}

/** One value of an economic series (FRED). */
export interface FredObservation {
  date: string;
  value: number;
}

/** Economic statistics (`stat`/`stats`) by FRED series id, e.g. `DGS10`, `UNRATE`. */
export interface StatisticsProvider {
  readonly name: string;
  /** Observations within `range` (inclusive), ascending; missing values (FRED's ".") are left out. */
  fetchSeries(seriesId: string, range: DateRange): Promise<FredObservation[]>;
}
