import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ALPHA_VANTAGE_BODIES, FRED_BODIES } from "./alpha-vantage-bodies.js";
import { type Fault, FaultQueue, type FixtureService } from "./faults.js";
import { DEFAULT_FIXTURES_DIR, PACKAGE_FIXTURES_DIR, readFixture } from "./fixture-files.js";
import { filterTreasuryFeed } from "./treasury-feed.js";

export interface FixtureServerOptions {
  /** Recorded AlphaVantage and Treasury responses (default: the repository's `fixtures/`). */
  dir?: string;
  /** Recorded FRED responses `<fredDir>/<SERIES>.json` (default: this package's `fixtures/fred`). */
  fredDir?: string;
  /** Answer `outputsize=full` with AlphaVantage's premium-feature `Information`, like a free key gets. */
  freeKey?: boolean;
}

/** One request the server received; secrets (`apikey`, `api_key`) are left out of `params` and `url`. */
export interface RecordedRequest {
  service: FixtureService | "unknown";
  path: string;
  params: Record<string, string>;
  /** Path and query without the key, e.g. `/query?function=TIME_SERIES_DAILY&symbol=SPY&outputsize=full`. */
  url: string;
  /** Whether the request carried an API key. */
  keyed: boolean;
  /** The fault served instead of the recorded answer, if any. */
  fault?: Fault["kind"];
}

export type RequestFilter =
  | ((request: RecordedRequest) => boolean)
  | { service?: RecordedRequest["service"]; params?: Record<string, string> };

export interface FixtureServer {
  /** Base URLs to pass as `ALPHA_VANTAGE_URL`, `ALPHA_VANTAGE_CRYPTO_META_URL`, `TREASURY_URL`, `FRED_URL`. */
  urls: { alphaVantage: string; alphaVantageCryptoMeta: string; treasury: string; fred: string };
  /** Every request so far, in arrival order. */
  requests: RecordedRequest[];
  count(filter?: RequestFilter): number;
  /** Queue a fault; requests consume queued faults in order. */
  inject(fault: Fault): void;
  /** Forget recorded requests and pending faults. */
  reset(): void;
  close(): Promise<void>;
}

const SECRET_PARAMS = new Set(["apikey", "api_key"]);

/** A real HTTP server on 127.0.0.1 answering like AlphaVantage, the US Treasury and FRED from recorded files. */
export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const dir = options.dir ?? DEFAULT_FIXTURES_DIR;
  const fredDir = options.fredDir ?? `${PACKAGE_FIXTURES_DIR}/fred`;
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, "text/plain", `fixture server error: ${String(error)}`);
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const service = serviceOf(url.pathname);
    const recorded = record(url, service);
    requests.push(recorded);
    const fault = service === "unknown" ? undefined : faults.take(service);
    if (fault) {
      recorded.fault = fault.kind;
      if (fault.kind === "hang") return; // never answer; close() drops the socket
      if (fault.kind === "trickle") return trickle(response, fault.intervalMs ?? 50);
      return serveFault(response, fault, service as FixtureService);
    }
    switch (service) {
      case "alphaVantage":
        return serveAlphaVantage(response, url.searchParams);
      case "alphaVantageCryptoMeta":
        return serveFile(response, "text/csv", await readFixture(dir, "alphavantage", "digital_currency_list.csv"));
      case "treasury":
        return serveTreasury(response, url);
      case "fred":
        return serveFred(response, url.searchParams);
      default:
        return send(response, 404, "text/plain", `no fixture route for ${url.pathname}`);
    }
  }

  async function serveAlphaVantage(response: ServerResponse, params: URLSearchParams): Promise<void> {
    const fn = params.get("function") ?? "";
    if (!params.get("apikey")) return sendJson(response, 200, ALPHA_VANTAGE_BODIES.missingKey);
    if (fn === "LISTING_STATUS") {
      return serveFile(response, "text/csv", await readFixture(dir, "alphavantage", "LISTING_STATUS.csv"));
    }
    if (!["TIME_SERIES_DAILY", "DIGITAL_CURRENCY_DAILY", "DIVIDENDS"].includes(fn)) {
      return sendJson(response, 200, ALPHA_VANTAGE_BODIES.invalidCall(fn));
    }
    const symbol = (params.get("symbol") ?? "").toUpperCase();
    const text = symbol ? await readFixture(dir, "alphavantage", fn, `${symbol}.json`) : undefined;
    if (text === undefined) return sendJson(response, 200, ALPHA_VANTAGE_BODIES.invalidCall(fn));
    if (fn === "TIME_SERIES_DAILY" && params.get("outputsize") === "full" && options.freeKey) {
      return sendJson(response, 200, ALPHA_VANTAGE_BODIES.premiumOutputSize(fn));
    }
    if (fn === "TIME_SERIES_DAILY" && params.get("outputsize") !== "full") {
      return sendJson(response, 200, compact(JSON.parse(text) as Record<string, unknown>));
    }
    return send(response, 200, "application/json", text);
  }

  async function serveTreasury(response: ServerResponse, url: URL): Promise<void> {
    if (!url.pathname.endsWith("/interest-rates/pages/xml")) {
      return send(response, 404, "text/html", "<html><body>Page not found</body></html>");
    }
    const xml = await readFixture(dir, "treasury", "daily_treasury_yield_curve.xml");
    if (xml === undefined) return send(response, 404, "text/plain", "treasury fixture missing");
    return send(response, 200, "application/xml", filterTreasuryFeed(xml, url.searchParams));
  }

  async function serveFred(response: ServerResponse, params: URLSearchParams): Promise<void> {
    if (!params.get("api_key")) return sendJson(response, 400, FRED_BODIES.missingKey);
    const id = (params.get("series_id") ?? "").toUpperCase();
    const text = id ? await readFixture(fredDir, `${id}.json`) : undefined;
    if (text === undefined) return sendJson(response, 400, FRED_BODIES.unknownSeries);
    const body = JSON.parse(text) as { observations: Array<{ date: string }> } & Record<string, unknown>;
    const start = params.get("observation_start") ?? "0000-00-00";
    const end = params.get("observation_end") ?? "9999-12-31";
    const observations = body.observations.filter(({ date }) => date >= start && date <= end);
    if (params.get("sort_order") === "desc") observations.reverse();
    return sendJson(response, 200, {
      ...body,
      observation_start: start,
      observation_end: end,
      count: observations.length,
      observations,
    });
  }

  function record(url: URL, service: RecordedRequest["service"]): RecordedRequest {
    const kept = new URLSearchParams();
    for (const [name, value] of url.searchParams) if (!SECRET_PARAMS.has(name)) kept.append(name, value);
    const query = kept.toString();
    return {
      service,
      path: url.pathname,
      params: Object.fromEntries(kept),
      url: query ? `${url.pathname}?${query}` : url.pathname,
      keyed: [...SECRET_PARAMS].some((name) => url.searchParams.has(name)),
    };
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    urls: {
      alphaVantage: `${base}/query`,
      alphaVantageCryptoMeta: `${base}/digital_currency_list/`,
      treasury: `${base}/treasury`,
      fred: `${base}/fred/series/observations`,
    },
    requests,
    count: (filter) => requests.filter((request) => matches(request, filter)).length,
    inject: (fault) => faults.push(fault),
    reset: () => {
      requests.length = 0;
      faults.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function serviceOf(pathname: string): RecordedRequest["service"] {
  if (pathname === "/query") return "alphaVantage";
  if (pathname.startsWith("/digital_currency_list")) return "alphaVantageCryptoMeta";
  if (pathname.startsWith("/treasury/")) return "treasury";
  if (pathname.startsWith("/fred/")) return "fred";
  return "unknown";
}

function matches(request: RecordedRequest, filter: RequestFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (typeof filter === "function") return filter(request);
  if (filter.service !== undefined && request.service !== filter.service) return false;
  return Object.entries(filter.params ?? {}).every(([name, value]) => request.params[name] === value);
}

/** AlphaVantage's `compact` output: the latest 100 days. */
function compact(body: Record<string, unknown>): Record<string, unknown> {
  const series = body["Time Series (Daily)"] as Record<string, unknown> | undefined;
  if (!series) return body;
  const latest = Object.keys(series).sort().slice(-100).reverse();
  return { ...body, "Time Series (Daily)": Object.fromEntries(latest.map((date) => [date, series[date]])) };
}

const MALFORMED_BODIES: Record<FixtureService, { type: string; body: string }> = {
  alphaVantage: { type: "application/json", body: '{\n "Meta Data": {\n  "1. Information": "Daily Prices' },
  alphaVantageCryptoMeta: { type: "text/csv", body: 'currency code,currency name\n"BTC,Bitcoin\n' },
  treasury: {
    type: "application/xml",
    body: '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><entry><content>',
  },
  fred: { type: "application/json", body: '{"realtime_start":"2021-11-22","observations":[{"date":"2021-' },
};

function serveFault(response: ServerResponse, fault: Fault, service: FixtureService): void {
  if (fault.kind === "throttle") sendJson(response, 200, ALPHA_VANTAGE_BODIES.throttle);
  else if (fault.kind === "daily-quota") sendJson(response, 200, ALPHA_VANTAGE_BODIES.dailyQuota);
  else if (fault.kind === "http-error") {
    const status = fault.status ?? 500;
    send(response, status, "text/plain", `injected HTTP ${status}`);
  } else if (fault.kind === "body") {
    send(response, fault.status ?? 200, fault.contentType ?? "text/plain", fault.body ?? "");
  } else if (fault.kind === "malformed") {
    const { type, body } = MALFORMED_BODIES[service];
    send(response, 200, type, body);
  }
  // "hang": nothing is sent.
}

/** A 200 whose body never ends: one space at a time, until the client (or close()) drops the connection. */
function trickle(response: ServerResponse, intervalMs: number): void {
  response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
  const timer = setInterval(() => response.write(" "), intervalMs);
  response.on("close", () => clearInterval(timer));
}

function serveFile(response: ServerResponse, type: string, text: string | undefined): void {
  if (text === undefined) send(response, 404, "text/plain", "fixture missing");
  else send(response, 200, type, text);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, "application/json", JSON.stringify(body, null, 1));
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "content-type": `${type}; charset=utf-8` });
  response.end(body);
}
