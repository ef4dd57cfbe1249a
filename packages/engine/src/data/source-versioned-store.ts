import type {
  CacheStore,
  CorrelationKey,
  FetchedRangeKind,
  FetchLease,
  FetchLeaseRequest,
  InterestRow,
  PriceRow,
  ProfileFields,
  ProfileKey,
} from "@scrilla/cache";
import type { DateRange, Maturity } from "@scrilla/core";

/**
 * Keys every per-ticker record (prices, fetched ranges, profiles, correlations) by the ticker *and* the identity
 * of its source, as `TICKER~<version>`: when a user edits a local price file, its new content gets fresh keys,
 * so nothing computed from the old file is served for it. The yield curve is not per ticker and passes through.
 */
export class SourceVersionedStore implements CacheStore {
  readonly backend: CacheStore["backend"];

  constructor(
    readonly inner: CacheStore,
    private readonly versionOf: (ticker: string) => Promise<string>,
  ) {
    this.backend = inner.backend;
  }

  private async key(ticker: string): Promise<string> {
    return `${ticker}~${await this.versionOf(ticker)}`;
  }

  async putPrices(ticker: string, rows: readonly PriceRow[], covered?: DateRange): Promise<void> {
    return this.inner.putPrices(await this.key(ticker), rows, covered);
  }

  async getPrices(ticker: string, range: DateRange): Promise<PriceRow[]> {
    return this.inner.getPrices(await this.key(ticker), range);
  }

  putInterest(rows: readonly InterestRow[], covered?: DateRange): Promise<void> {
    return this.inner.putInterest(rows, covered);
  }

  getInterest(maturity: Maturity, range: DateRange): Promise<InterestRow[]> {
    return this.inner.getInterest(maturity, range);
  }

  async getProfile(key: ProfileKey): Promise<ProfileFields | undefined> {
    return this.inner.getProfile({ ...key, ticker: await this.key(key.ticker) });
  }

  async mergeProfile(key: ProfileKey, fields: ProfileFields): Promise<ProfileFields> {
    return this.inner.mergeProfile({ ...key, ticker: await this.key(key.ticker) }, fields);
  }

  async getCorrelation(key: CorrelationKey): Promise<number | undefined> {
    return this.inner.getCorrelation(await this.pairKey(key));
  }

  async putCorrelation(key: CorrelationKey, correlation: number): Promise<void> {
    return this.inner.putCorrelation(await this.pairKey(key), correlation);
  }

  async getFetchedRanges(kind: FetchedRangeKind, key: string): Promise<DateRange[]> {
    return this.inner.getFetchedRanges(kind, kind === "prices" ? await this.key(key) : key);
  }

  async acquireFetchLease(
    kind: FetchedRangeKind,
    key: string,
    request: FetchLeaseRequest,
  ): Promise<FetchLease | undefined> {
    return this.inner.acquireFetchLease(kind, kind === "prices" ? await this.key(key) : key, request);
  }

  clear(): Promise<void> {
    return this.inner.clear();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async pairKey(key: CorrelationKey): Promise<CorrelationKey> {
    const [ticker1, ticker2] = await Promise.all([this.key(key.ticker1), this.key(key.ticker2)]);
    return { ...key, ticker1, ticker2 };
  }
}
