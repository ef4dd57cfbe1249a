import type { CacheStore } from "../../src/index.js";

/** Delegates to `inner` and counts the reads that reach it; `afterRead` can stall price reads after they read. */
export class CountingStore implements CacheStore {
  readonly counts = { prices: 0, interest: 0, profile: 0, correlation: 0, fetched: 0 };
  afterRead: Promise<void> | undefined;
  constructor(readonly inner: CacheStore) {}
  get backend() {
    return this.inner.backend;
  }
  putPrices: CacheStore["putPrices"] = (...args) => this.inner.putPrices(...args);
  getPrices: CacheStore["getPrices"] = async (...args) => {
    this.counts.prices++;
    const rows = await this.inner.getPrices(...args);
    await this.afterRead;
    return rows;
  };
  putInterest: CacheStore["putInterest"] = (...args) => this.inner.putInterest(...args);
  getInterest: CacheStore["getInterest"] = (...args) => (this.counts.interest++, this.inner.getInterest(...args));
  getProfile: CacheStore["getProfile"] = (...args) => (this.counts.profile++, this.inner.getProfile(...args));
  mergeProfile: CacheStore["mergeProfile"] = (...args) => this.inner.mergeProfile(...args);
  getCorrelation: CacheStore["getCorrelation"] = (...args) => (
    this.counts.correlation++, this.inner.getCorrelation(...args)
  );
  putCorrelation: CacheStore["putCorrelation"] = (...args) => this.inner.putCorrelation(...args);
  getFetchedRanges: CacheStore["getFetchedRanges"] = (...args) => (
    this.counts.fetched++, this.inner.getFetchedRanges(...args)
  );
  clear: CacheStore["clear"] = () => this.inner.clear();
  close: CacheStore["close"] = () => this.inner.close();
}
