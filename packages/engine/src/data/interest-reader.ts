import type { CacheStore, InterestRow } from "@scrilla/cache";
import { type DateRange, MATURITIES, type Maturity } from "@scrilla/core";
import type { YieldCurveProvider } from "@scrilla/market-data";
import { addDays, minDate, spanOf, uncoveredRanges } from "./coverage.js";
import type { SingleFlight } from "./single-flight.js";

const CURVE_KEY = "treasury";

/** Read-through for the Treasury yield curve: all 12 maturities are stored per fetched day. */
export class InterestReader {
  constructor(
    private readonly deps: {
      store: CacheStore;
      provider: YieldCurveProvider;
      today: string;
      singleFlight: SingleFlight;
    },
  ) {}

  async rows(maturity: Maturity, range: DateRange): Promise<InterestRow[]> {
    await this.ensure(range);
    return this.deps.store.getInterest(maturity, range);
  }

  private async ensure(range: DateRange): Promise<void> {
    const { store, provider, today, singleFlight } = this.deps;
    const settled = addDays(today, -1);
    const missing = async (waited: boolean) => {
      const span = spanOf(uncoveredRanges(await store.getFetchedRanges("interest", CURVE_KEY), range));
      // Only today left, just fetched by the fetcher this call waited for: read its rows, do not refetch.
      return span && waited && span.start > settled ? undefined : span;
    };
    await singleFlight.fill("interest", CURVE_KEY, missing, async (span) => {
      const days = await provider.fetchYieldCurve(span);
      // Nothing published in the span (or an empty answer): no marker, so it is asked again next time.
      if (days.length === 0) return;
      const rows: InterestRow[] = days.flatMap((day) =>
        MATURITIES.map((maturity) => ({ maturity, date: day.date, value: day.rates[maturity] })),
      );
      const coveredEnd = minDate(span.end, settled);
      await store.putInterest(rows, coveredEnd >= span.start ? { start: span.start, end: coveredEnd } : undefined);
    });
  }
}
