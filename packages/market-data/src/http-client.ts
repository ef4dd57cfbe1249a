import { ScrillaError } from "@scrilla/core";
import { type MarketDataLogger, silentLogger } from "./logger.js";
import type { RateLimiter } from "./rate-limiter.js";
import { isTooLarge, readLimited } from "./read-limited.js";
import { redactSecrets } from "./redact.js";
import { sleep } from "./sleep.js";

export interface HttpClientOptions {
  /** Abort one attempt after this long (default 30 000 ms). */
  timeoutMs?: number;
  /** Extra attempts after a network error, timeout, 5xx or 429 (default 3). */
  retries?: number;
  /** First backoff delay; doubles per attempt, with jitter (default 500 ms). */
  backoffMs?: number;
  /** Upper bound of one backoff delay (default 10 000 ms). */
  maxBackoffMs?: number;
  /** Largest body accepted when a request names no limit (default {@link DEFAULT_MAX_RESPONSE_BYTES}). */
  maxResponseBytes?: number;
  logger?: MarketDataLogger;
}

/** 32 MiB: ten times AlphaVantage's largest full history; a bigger body is a wrong URL or a broken server. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export interface HttpRequestOptions {
  /** Service name used in messages, e.g. "AlphaVantage". */
  service: string;
  limiter?: RateLimiter;
  /** This service's largest believable answer; past it the body is dropped and the request not retried. */
  maxBytes?: number;
}

export interface HttpResponse {
  status: number;
  body: string;
}

const isRetryableStatus = (status: number): boolean => status >= 500 || status === 429;

/** The one HTTP client of the providers: Node's fetch with timeouts, bounded retries and rate limits. */
export class HttpClient {
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxResponseBytes: number;
  private readonly logger: MarketDataLogger;

  constructor(options: HttpClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.logger = options.logger ?? silentLogger;
  }

  /** GET `url`; any final status below 500 (except 429) is returned for the caller to interpret. */
  async get(url: URL, options: HttpRequestOptions): Promise<HttpResponse> {
    const shownUrl = redactSecrets(url.toString());
    let lastProblem = "";
    let lastStatus: number | undefined;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) {
        const delay = this.backoffDelay(attempt);
        this.logger(
          "warn",
          `${options.service}: ${lastProblem}; retry ${attempt}/${this.retries} in ${Math.round(delay)} ms`,
        );
        await sleep(delay);
      }
      await options.limiter?.acquire();
      try {
        const dropped = new AbortController();
        const signal = AbortSignal.any([dropped.signal, AbortSignal.timeout(this.timeoutMs)]);
        const response = await fetch(url, { signal });
        const limit = options.maxBytes ?? this.maxResponseBytes;
        const body = await readLimited(response, limit, () => dropped.abort(), `${options.service} (${shownUrl})`);
        if (!isRetryableStatus(response.status)) return { status: response.status, body };
        lastStatus = response.status;
        lastProblem = `HTTP ${response.status} from ${shownUrl}`;
      } catch (error) {
        if (isTooLarge(error)) throw error;
        lastStatus = undefined;
        lastProblem = describeFetchFailure(error, this.timeoutMs, shownUrl);
      }
    }
    if (lastStatus === 429) {
      throw new ScrillaError(
        "RATE_LIMITED",
        `${options.service} kept answering HTTP 429 (too many requests) after ${this.retries + 1} attempts; wait a while and retry, or lower the request rate.`,
        { url: shownUrl },
      );
    }
    throw new ScrillaError(
      "PROVIDER_ERROR",
      `${options.service} failed after ${this.retries + 1} attempts (${lastProblem}); the service may be down, retry later.`,
      { url: shownUrl, ...(lastStatus === undefined ? {} : { status: lastStatus }) },
    );
  }

  /** GET `url` and insist on a 2xx status. */
  async getText(url: URL, options: HttpRequestOptions): Promise<string> {
    const response = await this.get(url, options);
    if (response.status < 200 || response.status >= 300) {
      throw new ScrillaError(
        "PROVIDER_ERROR",
        `${options.service} answered HTTP ${response.status} for ${redactSecrets(url.toString())}: ${redactSecrets(response.body.slice(0, 200))}`,
        { status: response.status },
      );
    }
    return response.body;
  }

  private backoffDelay(attempt: number): number {
    const ceiling = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** (attempt - 1));
    // "Equal jitter": half fixed, half random, so concurrent clients spread out but still back off.
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }
}

function describeFetchFailure(error: unknown, timeoutMs: number, shownUrl: string): string {
  if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${timeoutMs} ms from ${shownUrl} (timeout)`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  const message = error instanceof Error ? error.message : String(error);
  return redactSecrets(`network error ${message}${cause} for ${shownUrl}`);
}
