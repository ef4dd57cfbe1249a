import { type DateRange, ScrillaError } from "@scrilla/core";
import type { ApiKeys } from "./api-keys.js";
import { assertDateRange, isWithin } from "./date-range.js";
import { HttpClient } from "./http-client.js";
import { type MarketDataLogger, silentLogger } from "./logger.js";
import { parseFiniteNumber } from "./parse-number.js";
import type { FredObservation, StatisticsProvider } from "./provider-types.js";
import { RateLimiter } from "./rate-limiter.js";
import { redactSecrets } from "./redact.js";

export const DEFAULT_FRED_URL = "https://api.stlouisfed.org/fred/series/observations";

export interface FredSeriesProviderOptions {
  keys: ApiKeys;
  /** `FRED_URL`: the series/observations endpoint. */
  baseUrl?: string;
  http?: HttpClient;
  /** Requests per second (default 2). */
  requestsPerSecond?: number;
  logger?: MarketDataLogger;
}

/** The St. Louis Fed FRED API (`FRED_KEY`), replacing the obsolete Quandl FRED mirror (spec §7.5). */
export class FredSeriesProvider implements StatisticsProvider {
  readonly name = "fred";
  private readonly keys: ApiKeys;
  private readonly baseUrl: string;
  private readonly http: HttpClient;
  private readonly limiter: RateLimiter;

  constructor(options: FredSeriesProviderOptions) {
    this.keys = options.keys;
    this.baseUrl = options.baseUrl ?? DEFAULT_FRED_URL;
    const logger: MarketDataLogger = options.logger ?? silentLogger;
    this.http = options.http ?? new HttpClient({ logger });
    this.limiter = RateLimiter.perSecond(options.requestsPerSecond ?? 2);
  }

  async fetchSeries(seriesId: string, range: DateRange): Promise<FredObservation[]> {
    assertDateRange(range);
    const id = seriesId.trim().toUpperCase();
    const url = new URL(this.baseUrl);
    url.searchParams.set("series_id", id);
    url.searchParams.set("observation_start", range.start);
    url.searchParams.set("observation_end", range.end);
    url.searchParams.set("sort_order", "asc");
    url.searchParams.set("file_type", "json");
    url.searchParams.set("api_key", await this.keys.get("FRED_KEY"));
    const response = await this.http.get(url, { service: "FRED", limiter: this.limiter, maxBytes: 16 * 1024 * 1024 });
    const body = parseJson(response.body);
    if (response.status !== 200) throw fredError(id, response.status, body);
    const observations = (body as { observations?: unknown } | undefined)?.observations;
    if (!Array.isArray(observations)) {
      throw new ScrillaError("PROVIDER_ERROR", `FRED's answer for ${id} has no "observations" list; retry later.`, {
        series: id,
      });
    }
    const result: FredObservation[] = [];
    for (const observation of observations as Array<Record<string, unknown>>) {
      const date = observation?.date;
      const value = parseFiniteNumber(observation?.value);
      if (typeof date !== "string" || value === undefined || !isWithin(date, range)) continue;
      result.push({ date, value });
    }
    return result.sort((a, b) => (a.date < b.date ? -1 : 1));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function fredError(id: string, status: number, body: unknown): ScrillaError {
  const message = (body as { error_message?: unknown } | undefined)?.error_message;
  const detail = typeof message === "string" ? redactSecrets(message) : `HTTP ${status}`;
  if (/api_key/i.test(detail)) {
    return new ScrillaError("API_KEY", `FRED rejected the API key (FRED_KEY): ${detail}`, { variable: "FRED_KEY" });
  }
  if (/does not exist/i.test(detail)) {
    return new ScrillaError("NOT_FOUND", `FRED has no series ${id}; check the series id on fred.stlouisfed.org.`, {
      series: id,
    });
  }
  return new ScrillaError("PROVIDER_ERROR", `FRED refused the request for ${id}: ${detail}`, { series: id, status });
}
