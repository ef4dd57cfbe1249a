import type { DateRange, Maturity } from "@scrilla/core";
import { ScrillaError } from "@scrilla/core/errors";
import { LRUCache } from "lru-cache";
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
} from "../cache-store.js";
import { assertProfileKey, canonicalCorrelationKey, correlationSortKey, profileSortKey } from "../record-keys.js";

export interface MemoryCacheStoreOptions {
  /** Most entries (one read result each) kept in memory. Default 1,000. */
  maxEntries?: number;
}

type Entry = PriceRow[] | InterestRow[] | DateRange[] | ProfileFields | { correlation: number };

const INTEREST_GROUP = "interest";

/**
 * A bounded LRU of read results in front of another store (the "memory" level of DESIGN §4). Writes go
 * through to the inner store first, then drop every cached read they could change, so reads never go stale
 * within the process. Results are copies: callers may change them freely.
 */
export class MemoryCacheStore implements CacheStore {
  readonly backend = "memory";
  readonly inner: CacheStore;
  readonly #entries: LRUCache<string, Entry>;
  /** Cached keys per invalidation group (a ticker's prices, or the yield curve). */
  readonly #groups = new Map<string, Set<string>>();
  readonly #groupOf = new Map<string, string>();
  /** Bumped by every write to a group, so a read that raced with a write does not cache what it read. */
  readonly #generations = new Map<string, number>();
  #epoch = 0;

  constructor(inner: CacheStore, options: MemoryCacheStoreOptions = {}) {
    const max = options.maxEntries ?? 1000;
    if (!Number.isInteger(max) || max < 1) {
      throw new ScrillaError("CONFIG", `The memory cache needs maxEntries >= 1 (an integer); got ${max}.`);
    }
    this.inner = inner;
    this.#entries = new LRUCache<string, Entry>({ max, dispose: (_value, key) => this.#forget(key) });
  }

  async putPrices(ticker: string, rows: readonly PriceRow[], covered?: DateRange): Promise<void> {
    await this.inner.putPrices(ticker, rows, covered);
    this.#invalidate(`prices|${ticker}`);
  }

  async getPrices(ticker: string, range: DateRange): Promise<PriceRow[]> {
    const key = `prices|${ticker}|${range.start}|${range.end}`;
    const rows = await this.#through(key, `prices|${ticker}`, () => this.inner.getPrices(ticker, range));
    return copyRows(rows as PriceRow[]);
  }

  async putInterest(rows: readonly InterestRow[], covered?: DateRange): Promise<void> {
    await this.inner.putInterest(rows, covered);
    this.#invalidate(INTEREST_GROUP);
  }

  async getInterest(maturity: Maturity, range: DateRange): Promise<InterestRow[]> {
    const key = `interest|${maturity}|${range.start}|${range.end}`;
    const rows = await this.#through(key, INTEREST_GROUP, () => this.inner.getInterest(maturity, range));
    return copyRows(rows as InterestRow[]);
  }

  async getProfile(key: ProfileKey): Promise<ProfileFields | undefined> {
    assertProfileKey(key);
    const cacheKey = `profile|${key.ticker}|${profileSortKey(key)}`;
    const stored = await this.#through(cacheKey, cacheKey, () => this.inner.getProfile(key));
    return stored ? { ...(stored as ProfileFields) } : undefined;
  }

  async mergeProfile(key: ProfileKey, fields: ProfileFields): Promise<ProfileFields> {
    const merged = await this.inner.mergeProfile(key, fields);
    const cacheKey = `profile|${key.ticker}|${profileSortKey(key)}`;
    this.#invalidate(cacheKey);
    this.#remember(cacheKey, cacheKey, { ...merged });
    return merged;
  }

  async getCorrelation(key: CorrelationKey): Promise<number | undefined> {
    const cacheKey = correlationCacheKey(key);
    const stored = await this.#through(cacheKey, cacheKey, async () => {
      const correlation = await this.inner.getCorrelation(key);
      return correlation === undefined ? undefined : { correlation };
    });
    return (stored as { correlation: number } | undefined)?.correlation;
  }

  async putCorrelation(key: CorrelationKey, correlation: number): Promise<void> {
    await this.inner.putCorrelation(key, correlation);
    const cacheKey = correlationCacheKey(key);
    this.#invalidate(cacheKey);
    this.#remember(cacheKey, cacheKey, { correlation });
  }

  async getFetchedRanges(kind: FetchedRangeKind, key: string): Promise<DateRange[]> {
    const group = kind === "prices" ? `prices|${key}` : INTEREST_GROUP;
    const cacheKey = kind === "prices" ? `fetched|prices|${key}` : "fetched|interest";
    const ranges = await this.#through(cacheKey, group, () => this.inner.getFetchedRanges(kind, key));
    return (ranges as DateRange[]).map((range) => ({ ...range }));
  }

  /**
   * Asks the store below. Either answer means another process may be writing this key (it holds the lease, or
   * just gave it back), so what memory holds of it is dropped and the caller's next reads see the store's rows.
   */
  async acquireFetchLease(
    kind: FetchedRangeKind,
    key: string,
    request: FetchLeaseRequest,
  ): Promise<FetchLease | undefined> {
    const lease = await this.inner.acquireFetchLease(kind, key, request);
    this.#invalidate(kind === "prices" ? `prices|${key}` : INTEREST_GROUP);
    return lease;
  }

  async clear(): Promise<void> {
    this.#epoch++;
    this.#entries.clear();
    await this.inner.clear();
  }

  async close(): Promise<void> {
    this.#epoch++;
    this.#entries.clear();
    await this.inner.close();
  }

  /** Serves `key` from memory, else loads and remembers it unless a write to its group happened meanwhile. */
  async #through(key: string, group: string, load: () => Promise<Entry | undefined>): Promise<Entry | undefined> {
    const cached = this.#entries.get(key);
    if (cached) return cached;
    const generation = this.#generations.get(group) ?? 0;
    const epoch = this.#epoch;
    const loaded = await load();
    const unchanged = generation === (this.#generations.get(group) ?? 0) && epoch === this.#epoch;
    if (loaded !== undefined && unchanged) this.#remember(key, group, loaded);
    return loaded;
  }

  #remember(key: string, group: string, entry: Entry): void {
    this.#entries.set(key, entry);
    this.#groupOf.set(key, group);
    let keys = this.#groups.get(group);
    if (!keys) this.#groups.set(group, (keys = new Set()));
    keys.add(key);
  }

  #invalidate(group: string): void {
    this.#generations.set(group, (this.#generations.get(group) ?? 0) + 1);
    const keys = this.#groups.get(group);
    if (!keys) return;
    for (const key of [...keys]) this.#entries.delete(key);
    this.#groups.delete(group);
  }

  #forget(key: string): void {
    const group = this.#groupOf.get(key);
    if (group === undefined) return;
    this.#groupOf.delete(key);
    this.#groups.get(group)?.delete(key);
  }
}

function correlationCacheKey(key: CorrelationKey): string {
  const canonical = canonicalCorrelationKey(key);
  return `correlation|${canonical.ticker1}|${correlationSortKey(canonical)}`;
}

const copyRows = <T extends object>(rows: readonly T[]): T[] => rows.map((row) => ({ ...row }));
