import type { DateRange, Maturity } from "@scrilla/core";

/** One day of prices. `open` is null when the source had none. */
export interface PriceRow {
  date: string;
  open: number | null;
  close: number;
}

/** One maturity's yield on one day, in percent as published; null when the source left it empty. */
export interface InterestRow {
  maturity: Maturity;
  date: string;
  value: number | null;
}

/** The statistics a profile row can hold; every field optional so partial upserts merge (D-47). */
export interface ProfileFields {
  annual_return?: number;
  annual_volatility?: number;
  sharpe_ratio?: number;
  asset_beta?: number;
  equity_cost?: number;
}

export interface ProfileKey {
  ticker: string;
  startDate: string;
  endDate: string;
  method: string;
  weekends: boolean;
}

/** A correlation is stored once per unordered pair; adapters put the tickers in canonical order (D-46). */
export interface CorrelationKey {
  ticker1: string;
  ticker2: string;
  startDate: string;
  endDate: string;
  method: string;
  weekends: boolean;
}

/** What a "fetched range" belongs to: a ticker's prices or the whole yield curve. */
export type FetchedRangeKind = "prices" | "interest";

/** When and for how long a fetch lease is asked for: `now` in ms since the epoch (the caller's clock). */
export interface FetchLeaseRequest {
  now: number;
  /** How long the lease lasts if its holder never gives it back (a container that died mid-fetch). */
  ttlMs: number;
}

/** The right to be the one process fetching a key's missing ranges now (single flight across processes). */
export interface FetchLease {
  /** Gives the lease back, if it is still this holder's; afterwards another process may take it. */
  release(): Promise<void>;
}

/**
 * The cache port (DESIGN §4). Ranges are inclusive; reads return rows ascending by date.
 * Writes of a batch are all-or-nothing where the backend allows it (SQLite: one transaction).
 */
export interface CacheStore {
  readonly backend: "sqlite" | "dynamodb" | "memory";

  /** Upserts price rows; when `covered` is given, records that the provider was asked for it. */
  putPrices(ticker: string, rows: readonly PriceRow[], covered?: DateRange): Promise<void>;
  getPrices(ticker: string, range: DateRange): Promise<PriceRow[]>;

  putInterest(rows: readonly InterestRow[], covered?: DateRange): Promise<void>;
  getInterest(maturity: Maturity, range: DateRange): Promise<InterestRow[]>;

  getProfile(key: ProfileKey): Promise<ProfileFields | undefined>;
  /** Merges the given fields into the stored profile and returns the merged result. */
  mergeProfile(key: ProfileKey, fields: ProfileFields): Promise<ProfileFields>;

  getCorrelation(key: CorrelationKey): Promise<number | undefined>;
  putCorrelation(key: CorrelationKey, correlation: number): Promise<void>;

  /** Ranges already requested from a provider (merged, ascending), so genuine gaps are not refetched (D-40). */
  getFetchedRanges(kind: FetchedRangeKind, key: string): Promise<DateRange[]>;

  /**
   * Asks to be the one process fetching `key`'s missing ranges: a lease, or undefined while another process
   * holds an unexpired one. DynamoDB (shared by many Lambda containers) coordinates through a conditional write;
   * SQLite and memory serve one process and grant it at once.
   */
  acquireFetchLease(kind: FetchedRangeKind, key: string, request: FetchLeaseRequest): Promise<FetchLease | undefined>;

  /** Deletes every record of the four kinds (D-45). */
  clear(): Promise<void>;
  close(): Promise<void>;
}
