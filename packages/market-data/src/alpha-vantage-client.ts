import { ScrillaError } from "@scrilla/core";
import type { ApiKeys } from "./api-keys.js";
import { HttpClient } from "./http-client.js";
import { type MarketDataLogger, silentLogger } from "./logger.js";
import { RateLimiter } from "./rate-limiter.js";
import { redactSecrets } from "./redact.js";
import { sleep } from "./sleep.js";

export const DEFAULT_ALPHA_VANTAGE_URL = "https://www.alphavantage.co/query";
export const DEFAULT_ALPHA_VANTAGE_CRYPTO_META_URL = "https://www.alphavantage.co/digital_currency_list/";

export interface AlphaVantageClientOptions {
  keys: ApiKeys;
  /** `ALPHA_VANTAGE_URL`. */
  baseUrl?: string;
  /** `ALPHA_VANTAGE_CRYPTO_META_URL`. */
  cryptoMetaUrl?: string;
  http?: HttpClient;
  /** Minimum spacing of requests (default 1 000 ms). */
  minIntervalMs?: number;
  /** Wait after a per-minute throttle `Note` (default 30 000 ms, the original's BACKOFF_PERIOD). */
  throttleWaitMs?: number;
  /** Throttle waits before giving up with RATE_LIMITED (default 3, D-34). */
  maxThrottleWaits?: number;
  logger?: MarketDataLogger;
}

/** Why an `Information` body refused the request. */
export type AlphaVantageRefusal = "premium" | "quota";

const PREMIUM_FEATURE = /premium (feature|endpoint)|outputsize=full/i;
// Newer free-tier burst limits arrive as `Information` but, like `Note`, pass after a short wait.
const BURST_LIMIT = /spreading out|per second|per minute/i;
const BAD_KEY = /apikey is invalid|invalid api ?key/i;

/** AlphaVantage's query endpoint with its HTTP-200 error protocol (`Note`, `Information`, `Error Message`). */
export class AlphaVantageClient {
  readonly baseUrl: string;
  readonly cryptoMetaUrl: string;
  private readonly keys: ApiKeys;
  private readonly http: HttpClient;
  private readonly limiter: RateLimiter;
  private readonly throttleWaitMs: number;
  private readonly maxThrottleWaits: number;
  private readonly logger: MarketDataLogger;

  constructor(options: AlphaVantageClientOptions) {
    this.keys = options.keys;
    this.baseUrl = options.baseUrl ?? DEFAULT_ALPHA_VANTAGE_URL;
    this.cryptoMetaUrl = options.cryptoMetaUrl ?? DEFAULT_ALPHA_VANTAGE_CRYPTO_META_URL;
    this.logger = options.logger ?? silentLogger;
    this.http = options.http ?? new HttpClient({ logger: this.logger });
    this.limiter = new RateLimiter(options.minIntervalMs ?? 1000);
    this.throttleWaitMs = options.throttleWaitMs ?? 30_000;
    this.maxThrottleWaits = options.maxThrottleWaits ?? 3;
  }

  /** A JSON query, e.g. `{function: "TIME_SERIES_DAILY", symbol: "SPY"}`. */
  async queryJson(params: Record<string, string>): Promise<Record<string, unknown>> {
    const body = await this.query(params);
    const parsed = parseJsonObject(body);
    if (parsed === undefined) {
      throw new ScrillaError(
        "PROVIDER_ERROR",
        `AlphaVantage sent a malformed JSON body for ${describe(params)}; retry later.`,
        {
          function: params.function,
        },
      );
    }
    return parsed;
  }

  /** A CSV query (e.g. `LISTING_STATUS`); errors still arrive as JSON bodies. */
  async queryCsv(params: Record<string, string>): Promise<string> {
    return this.query(params);
  }

  /** The digital currency list CSV (no key needed). */
  async cryptoList(): Promise<string> {
    // The list is ~20 kB; 4 MiB leaves room for growth and none for a runaway body.
    return this.http.getText(new URL(this.cryptoMetaUrl), {
      service: "AlphaVantage",
      limiter: this.limiter,
      maxBytes: 4 * 1024 * 1024,
    });
  }

  private async query(params: Record<string, string>): Promise<string> {
    const url = new URL(this.baseUrl);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    url.searchParams.set("apikey", await this.keys.get("ALPHA_VANTAGE_KEY"));
    for (let throttles = 0; ; throttles++) {
      const body = await this.http.getText(url, { service: "AlphaVantage", limiter: this.limiter });
      const problem = protocolMessage(body);
      if (problem === undefined) return body;
      if (problem.kind === "Note" || (problem.kind === "Information" && BURST_LIMIT.test(problem.text))) {
        if (throttles >= this.maxThrottleWaits) {
          throw new ScrillaError(
            "RATE_LIMITED",
            `AlphaVantage is still throttling after ${throttles} waits of ${this.throttleWaitMs} ms (${describe(params)}); wait a minute and retry, or use a premium key.`,
            { function: params.function, reason: "throttle" },
          );
        }
        this.logger("warn", `AlphaVantage throttled ${describe(params)}; waiting ${this.throttleWaitMs} ms`);
        await sleep(this.throttleWaitMs);
        continue;
      }
      if (problem.kind === "Information") {
        const reason: AlphaVantageRefusal = PREMIUM_FEATURE.test(problem.text) ? "premium" : "quota";
        const advice =
          reason === "premium"
            ? "this request needs a premium AlphaVantage key"
            : "the AlphaVantage daily quota of this key is used up; retry tomorrow or use a premium key";
        throw new ScrillaError(
          "RATE_LIMITED",
          `AlphaVantage refused ${describe(params)}: ${advice}. (${problem.text})`,
          {
            function: params.function,
            reason,
          },
        );
      }
      if (BAD_KEY.test(problem.text)) {
        throw new ScrillaError(
          "API_KEY",
          `AlphaVantage rejected the API key (ALPHA_VANTAGE_KEY): ${problem.text} Check the key or claim a new one.`,
          { variable: "ALPHA_VANTAGE_KEY" },
        );
      }
      if (params.symbol !== undefined && /invalid api call/i.test(problem.text)) {
        throw new ScrillaError(
          "NOT_FOUND",
          `AlphaVantage does not know the symbol ${params.symbol} (${params.function}); check the ticker.`,
          { symbol: params.symbol, function: params.function },
        );
      }
      throw new ScrillaError("PROVIDER_ERROR", `AlphaVantage rejected ${describe(params)}: ${problem.text}`, {
        function: params.function,
      });
    }
  }
}

const describe = (params: Record<string, string>): string =>
  [params.function, params.symbol].filter((part) => part !== undefined).join(" ");

function parseJsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    // A non-JSON body on a JSON endpoint is a malformed answer; the caller raises PROVIDER_ERROR with context.
    return undefined;
  }
}

/** The error-protocol key of an HTTP-200 body, if the body is one of AlphaVantage's error objects. */
function protocolMessage(body: string): { kind: "Note" | "Information" | "Error Message"; text: string } | undefined {
  if (!body.trimStart().startsWith("{")) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  for (const kind of ["Error Message", "Information", "Note"] as const) {
    const text = record[kind];
    if (typeof text === "string") return { kind, text: redactSecrets(text) };
  }
  return undefined;
}
