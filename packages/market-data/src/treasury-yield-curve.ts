import { type DateRange, MATURITIES, type Maturity, ScrillaError } from "@scrilla/core";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { assertDateRange, isWithin } from "./date-range.js";
import { HttpClient } from "./http-client.js";
import { type MarketDataLogger, silentLogger } from "./logger.js";
import { parseFiniteNumber } from "./parse-number.js";
import type { YieldCurveDay, YieldCurveProvider } from "./provider-types.js";
import { RateLimiter } from "./rate-limiter.js";
import { type TreasuryPeriod, treasuryPeriods } from "./treasury-periods.js";

export const DEFAULT_TREASURY_URL = "https://home.treasury.gov/resource-center/data-chart-center";

/** The feed's element for each maturity, in curve order (spec §7.4); other elements are ignored. */
export const TREASURY_FIELDS: Record<Maturity, string> = {
  ONE_MONTH: "BC_1MONTH",
  TWO_MONTH: "BC_2MONTH",
  THREE_MONTH: "BC_3MONTH",
  SIX_MONTH: "BC_6MONTH",
  ONE_YEAR: "BC_1YEAR",
  TWO_YEAR: "BC_2YEAR",
  THREE_YEAR: "BC_3YEAR",
  FIVE_YEAR: "BC_5YEAR",
  SEVEN_YEAR: "BC_7YEAR",
  TEN_YEAR: "BC_10YEAR",
  TWENTY_YEAR: "BC_20YEAR",
  THIRTY_YEAR: "BC_30YEAR",
};

export interface TreasuryYieldCurveProviderOptions {
  /** `TREASURY_URL`. */
  baseUrl?: string;
  http?: HttpClient;
  /** Minimum spacing of requests (default 200 ms). */
  minIntervalMs?: number;
  logger?: MarketDataLogger;
}

// The feed is Atom with OData namespaces (`m:` metadata, `d:` data); prefixes are fixed by the service.
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => name === "entry",
});

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
      for (const day of parseYieldCurveXml(xml)) {
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

/** Parses the Treasury Atom feed: empty values become null, unknown elements are ignored, order kept. */
export function parseYieldCurveXml(xml: string): YieldCurveDay[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ScrillaError(
      "PROVIDER_ERROR",
      `The US Treasury sent malformed XML (line ${valid.err.line}: ${valid.err.msg}); retry later.`,
    );
  }
  const document = parser.parse(xml) as { feed?: { entry?: unknown[] } };
  if (typeof document.feed !== "object" || document.feed === null) {
    throw new ScrillaError(
      "PROVIDER_ERROR",
      "The US Treasury answer is not an Atom feed; the service may have changed.",
    );
  }
  const days: YieldCurveDay[] = [];
  for (const entry of document.feed.entry ?? []) {
    const properties = (entry as { content?: { properties?: Record<string, unknown> } }).content?.properties;
    const rawDate = properties?.NEW_DATE;
    if (typeof rawDate !== "string" || rawDate.length < 10) {
      throw new ScrillaError(
        "PROVIDER_ERROR",
        "A US Treasury yield entry has no NEW_DATE; the feed format may have changed.",
      );
    }
    const rates = {} as Record<Maturity, number | null>;
    for (const maturity of MATURITIES)
      rates[maturity] = parseFiniteNumber(properties?.[TREASURY_FIELDS[maturity]]) ?? null;
    days.push({ date: rawDate.slice(0, 10), rates });
  }
  return days;
}
