import type { CacheStore, PriceRow } from "@scrilla/cache";
import { type AssetType, type DateRange, type PriceSeries, ScrillaError } from "@scrilla/core";
import type { PriceProvider } from "@scrilla/market-data";
import { minDate, spanOf, uncoveredRanges } from "./coverage.js";
import type { SingleFlight } from "./single-flight.js";

export interface PriceReaderDeps {
  store: CacheStore;
  providerFor: (assetType: AssetType) => PriceProvider;
  /** The last date whose bar is final: the last NYSE close for equities, yesterday for crypto. */
  settledThrough: (assetType: AssetType) => string;
  /** One fetch per ticker at a time, across the processes sharing the store. */
  singleFlight: SingleFlight;
}

/** Read-through for prices (spec §7.7 RECOMMENDED): store first, the provider only for ranges never asked. */
export class PriceReader {
  constructor(private readonly deps: PriceReaderDeps) {}

  async rows(ticker: string, assetType: AssetType, range: DateRange): Promise<PriceRow[]> {
    const { store, providerFor, settledThrough, singleFlight } = this.deps;
    const settled = settledThrough(assetType);
    const missing = async (waited: boolean) => {
      const span = spanOf(uncoveredRanges(await store.getFetchedRanges("prices", ticker), range));
      // Only unsettled days left, just fetched by the fetcher this call waited for: read its rows, do not refetch.
      return span && waited && span.start > settled ? undefined : span;
    };
    let fetched: PriceRow[] | undefined;
    await singleFlight.fill("prices", ticker, missing, async (span) => {
      const provider = providerFor(assetType);
      const bars = await provider.fetchDaily(ticker, assetType, span);
      // A bar that may still change is not recorded as fetched, so it is asked for again next time; nor is a
      // span that gave nothing usable, so a provider's empty answer is retried once the provider recovers.
      const coveredEnd = minDate(span.end, settled);
      const covered = coveredEnd >= span.start ? { start: span.start, end: coveredEnd } : undefined;
      if (bars.length > 0) await store.putPrices(ticker, bars, covered);
      // A versioned source (a local file) keys its rows by its content, so every row stored under this key came
      // from this same content: when the fetch spans the whole request, its bars are the rows the store would
      // give back, and reading them back (a tenth of a cold 100-file run) is skipped.
      if (provider.sourceVersion && span.start <= range.start && span.end >= range.end) {
        fetched = bars.filter((bar) => bar.date >= range.start && bar.date <= range.end);
      }
    });
    return fetched ?? store.getPrices(ticker, range);
  }

  async series(ticker: string, assetType: AssetType, range: DateRange): Promise<PriceSeries> {
    const rows = await this.rows(ticker, assetType, range);
    if (rows.length === 0) {
      throw new ScrillaError(
        "NO_PRICES",
        `No prices for ${ticker} between ${range.start} and ${range.end}; check the ticker and the dates.`,
        { ticker, ...range },
      );
    }
    return seriesOf(rows);
  }
}

/** One plain loop: `Float64Array.from(rows, mapFn)` goes through the iterator protocol (≈ 150 µs against 18 µs for 1,260 rows). */
function seriesOf(rows: readonly PriceRow[]): PriceSeries {
  const dates = new Array<string>(rows.length);
  const close = new Float64Array(rows.length);
  const open = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    dates[i] = row.date;
    close[i] = row.close;
    open[i] = row.open ?? Number.NaN;
  }
  return { dates, close, open };
}
