import type { CacheStore } from "../../src/index.js";

type Counts = { prices: number; interest: number; profile: number; correlation: number; fetched: number };

/** Delegates to `inner` and counts the reads that reach it; `afterRead` can stall price reads after they read. */
export class CountingStore implements CacheStore {
  readonly counts: Counts = { prices: 0, interest: 0, profile: 0, correlation: 0, fetched: 0 };
  afterRead: Promise<void> | undefined;
  constructor(readonly inner: CacheStore) {}
  get backend() {
    return this.inner.backend;
  }
  #count<T>(kind: keyof Counts, read: () => T): T {
    this.counts[kind]++;
    return read();
  }
  putPrices: CacheStore["putPrices"] = (...args) => this.inner.putPrices(...args);
  getPrices: CacheStore["getPrices"] = async (...args) => {
    const rows = await this.#count("prices", () => this.inner.getPrices(...args));
    await this.afterRead;
    return rows;
  };
  putInterest: CacheStore["putInterest"] = (...args) => this.inner.putInterest(...args);
  getInterest: CacheStore["getInterest"] = (...args) => this.#count("interest", () => this.inner.getInterest(...args));
  getProfile: CacheStore["getProfile"] = (...args) => this.#count("profile", () => this.inner.getProfile(...args));
  mergeProfile: CacheStore["mergeProfile"] = (...args) => this.inner.mergeProfile(...args);
  getCorrelation: CacheStore["getCorrelation"] = (...args) =>
    this.#count("correlation", () => this.inner.getCorrelation(...args));
  putCorrelation: CacheStore["putCorrelation"] = (...args) => this.inner.putCorrelation(...args);
  getFetchedRanges: CacheStore["getFetchedRanges"] = (...args) =>
    this.#count("fetched", () => this.inner.getFetchedRanges(...args));
  acquireFetchLease: CacheStore["acquireFetchLease"] = (...args) => this.inner.acquireFetchLease(...args);
  clear: CacheStore["clear"] = () => this.inner.clear();
  close: CacheStore["close"] = () => this.inner.close();
}
