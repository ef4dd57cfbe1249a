import type { DateRange } from "@scrilla/core";
import { assertDateRange, isWithin } from "./date-range.js";
import { HttpClient } from "./http-client.js";
import { type MarketDataLogger, silentLogger } from "./logger.js";
import type { YieldCurveDay, YieldCurveProvider } from "./provider-types.js";
import { RateLimiter } from "./rate-limiter.js";
import { type TreasuryPeriod, treasuryPeriods } from "./treasury-periods.js";

export const DEFAULT_TREASURY_URL = "https://home.treasury.gov/resource-center/data-chart-center";

/**
 * Parses the Treasury Atom feed: empty values become null, unknown elements are ignored, order kept. The
 * XML parser (≈ 130 KB) loads with the first feed: most runs read the curve from the cache.
 */
export async function parseYieldCurveXml(xml: string): Promise<YieldCurveDay[]> {
  const { parseYieldCurveFeed } = await import("./treasury-xml.js");
  return parseYieldCurveFeed(xml);
}

export interface TreasuryYieldCurveProviderOptions {
  /** `TREASURY_URL`. */
  baseUrl?: string;
  http?: HttpClient;
  /** Minimum spacing of requests (default 200 ms). */
  minIntervalMs?: number;
  logger?: MarketDataLogger;
}

/** The US Treasury daily par yield curve, requested per year or month overlapping the range. */
export class TreasuryYieldCurveProvider implements YieldCurveProvider {
  readonly name = "treasury";
  private readonly baseUrl: string;
  private readonly http: HttpClient;
  private readonly limiter: RateLimiter;
  private readonly logger: MarketDataLogger;

  constructor(options: TreasuryYieldCurveProviderOptions = {}) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_TREASURY_URL).replace(/\/+$/, "");
    this.logger = options.logger ?? silentLogger;
    this.http = options.http ?? new HttpClient({ logger: this.logger });
    this.limiter = new RateLimiter(options.minIntervalMs ?? 200);
  }

  async fetchYieldCurve(range: DateRange): Promise<YieldCurveDay[]> {
    assertDateRange(range);
    const byDate = new Map<string, YieldCurveDay>();
    for (const period of treasuryPeriods(range)) {
      this.logger("debug", `Treasury: fetching ${"year" in period ? period.year : period.month}`);
      const xml = await this.http.getText(this.periodUrl(period), {
        service: "US Treasury",
        limiter: this.limiter,
        maxBytes: 16 * 1024 * 1024, // one year of the feed is ~1 MB
      });
      for (const day of await parseYieldCurveXml(xml)) {
        if (isWithin(day.date, range)) byDate.set(day.date, day);
      }
    }
    return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  private periodUrl(period: TreasuryPeriod): URL {
    const url = new URL(`${this.baseUrl}/interest-rates/pages/xml`);
    url.searchParams.set("data", "daily_treasury_yield_curve");
    if ("year" in period) url.searchParams.set("field_tdr_date_value", String(period.year));
    else url.searchParams.set("field_tdr_date_value_month", period.month);
    return url;
  }
}
