import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cacheFingerprint } from "@scrilla/cache/testing";
import { type FixtureServer, startFixtureServer } from "@scrilla/market-data/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHandler, type LambdaHandler } from "../src/handler.js";
import { createJsonLogger } from "../src/json-logger.js";

const WINDOW = { start: "2021-07-14", end: "2021-11-19" };
const post = (body: string, isBase64Encoded = false) => ({
  requestContext: { http: { method: "POST" } },
  body,
  isBase64Encoded,
});
const get = (query: Record<string, string>) => ({
  requestContext: { http: { method: "GET" } },
  queryStringParameters: query,
});
const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });

interface Row {
  fn: string;
  event: unknown;
  status: number;
  says: RegExp;
}

/** Event → status and message. Direct calls answer the error body; HTTP calls the same body with the status. */
const ROWS: Row[] = [
  {
    fn: "risk-profile",
    event: { tickers: ["ALLY"], options: WINDOW, extra: 1 },
    status: 400,
    says: /unknown field\(s\) extra/,
  },
  {
    fn: "risk-profile",
    event: JSON.parse('{"tickers":["ALLY"],"options":{"__proto__":{"start":"2021-07-14"}}}'),
    status: 400,
    says: /event\.options\.__proto__: "__proto__" is not an option/,
  },
  {
    fn: "risk-profile",
    event: JSON.parse('{"tickers":["ALLY"],"__proto__":{}}'),
    status: 400,
    says: /event\.__proto__/,
  },
  {
    fn: "risk-profile",
    event: { tickers: ["ALLY"], options: { constructor: "x" } },
    status: 400,
    says: /"constructor" is not an option/,
  },
  {
    fn: "risk-profile",
    event: { tickers: ["ALLY"], options: { prototype: 1 } },
    status: 400,
    says: /"prototype" is not an option/,
  },
  {
    fn: "risk-profile",
    event: { tickers: ["ALLY"], options: { bogus: 1 } },
    status: 400,
    says: /Option bogus is not an option of scrilla/,
  },
  { fn: "risk-profile", event: { tickers: "ALLY" }, status: 400, says: /tickers/ },
  { fn: "risk-profile", event: { tickers: ["AL LY"] }, status: 400, says: /tickers\.0: may hold only letters/ },
  {
    fn: "risk-profile",
    event: { tickers: Array.from({ length: 51 }, (_, i) => `T${i}`) },
    status: 400,
    says: /tickers/,
  },
  { fn: "risk-profile", event: { tickers: [] }, status: 400, says: /risk-profile needs at least 1 symbol/ },
  {
    fn: "risk-profile",
    event: { tickers: ["ALLY"], options: { ...WINDOW, start: "2021-02-30" } },
    status: 400,
    says: /start must be a real calendar date/,
  },
  {
    fn: "risk-profile",
    event: { tickers: ["ALLY"], options: { start: "2021-11-19", end: "2021-07-14" } },
    status: 400,
    says: /swap them/,
  },
  {
    fn: "risk-profile",
    event: { tickers: ["ALLY"], options: { method: "magic" } },
    status: 400,
    says: /Option method/,
  },
  { fn: "risk-profile", event: { tickers: ["ALLY"], options: [] }, status: 400, says: /options: must be an object/ },
  {
    fn: "risk-profile",
    event: { tickers: ["ALLY"], options: nested(10) },
    status: 400,
    says: /nested more than 8 levels/,
  },
  { fn: "risk-profile", event: [], status: 400, says: /Invalid event/ },
  { fn: "risk-profile", event: "ALLY", status: 400, says: /Invalid event/ },
  {
    fn: "var",
    event: { tickers: ["ALLY"], options: { ...WINDOW, probability: 0.05, expiry: 1e308 } },
    status: 400,
    says: /expiry must be at most 100 years/,
  },
  {
    fn: "var",
    event: { tickers: ["ALLY"], options: { ...WINDOW, probability: 1, expiry: 1 } },
    status: 400,
    says: /probability must lie strictly between 0 and 1/,
  },
  {
    fn: "var",
    event: { tickers: ["ALLY"], options: { ...WINDOW, expiry: 1 } },
    status: 400,
    says: /var needs option\(s\) probability/,
  },
  {
    fn: "optimize-portfolio",
    event: { tickers: ["ALLY", "BX"], options: { ...WINDOW, investment: 1e308 } },
    status: 400,
    says: /investment must be at most 1e\+12/,
  },
  {
    fn: "optimize-portfolio",
    event: { tickers: ["ALLY", "ally"], options: WINDOW },
    status: 400,
    says: /ALLY is listed twice/,
  },
  {
    fn: "optimize-portfolio",
    event: { tickers: ["ALLY", "BX"], options: { ...WINDOW, target: "high" } },
    status: 400,
    says: /Option target/,
  },
  {
    fn: "efficient-frontier",
    event: { tickers: ["ALLY", "BX"], options: { ...WINDOW, steps: 1001 } },
    status: 400,
    says: /steps must be at most 1000/,
  },
  {
    fn: "efficient-frontier",
    event: { tickers: ["ALLY", "BX"], options: { ...WINDOW, steps: 1e9 } },
    status: 400,
    says: /steps must be at most 1000/,
  },
  { fn: "risk-profile", event: post("{not json"), status: 400, says: /request body is not valid JSON/ },
  {
    fn: "risk-profile",
    event: post('{"tickers":["ALLY"],"options":{"__proto__":{"x":1}}}'),
    status: 400,
    says: /body\.options\.__proto__/,
  },
  {
    fn: "risk-profile",
    event: post(Buffer.from('{"tickers":"ALLY"}').toString("base64"), true),
    status: 400,
    says: /tickers/,
  },
  {
    fn: "risk-profile",
    event: get(JSON.parse('{"tickers":"ALLY","__proto__":"1"}')),
    status: 400,
    says: /query\.__proto__/,
  },
  {
    fn: "risk-profile",
    event: { ...get({}), queryStringParameters: undefined, rawQueryString: "tickers=ALLY&constructor=1" },
    status: 400,
    says: /query\.constructor/,
  },
  { fn: "efficient-frontier", event: get({ tickers: "ALLY,BX", steps: "many" }), status: 400, says: /Option steps/ },
  {
    fn: "var",
    event: get({ tickers: "ALLY", probability: "0.05", expiry: "Infinity" }),
    status: 400,
    says: /Option expiry/,
  },
];

let server: FixtureServer;
let dir: string;
let env: Record<string, string>;
const handlers = new Map<string, LambdaHandler>();
const handlerFor = (fn: string): LambdaHandler => {
  let handler = handlers.get(fn);
  if (!handler) {
    const logger = createJsonLogger({ out: () => {}, err: () => {} });
    handler = createHandler({ env: { ...env, SCRILLA_FUNCTION: fn }, logger, today: "2021-11-19" });
    handlers.set(fn, handler);
  }
  return handler;
};

beforeAll(async () => {
  server = await startFixtureServer();
  dir = mkdtempSync(join(tmpdir(), "scrilla-lambda-bad-"));
  env = {
    CACHE_MODE: "sqlite",
    SQLITE_FILE: join(dir, "cache.db"),
    SCRILLA_HOME: join(dir, "home"),
    ALPHA_VANTAGE_KEY: "test-key",
    ALPHA_VANTAGE_URL: server.urls.alphaVantage,
    ALPHA_VANTAGE_CRYPTO_META_URL: server.urls.alphaVantageCryptoMeta,
    TREASURY_URL: server.urls.treasury,
    FRED_URL: server.urls.fred,
    ALPHA_VANTAGE_MIN_INTERVAL_MS: "0",
  };
  const seeded = await handlerFor("risk-profile")({ tickers: ["ALLY", "SPY"], options: WINDOW });
  expect(seeded).toHaveProperty("ALLY");
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`bad Lambda events: ${ROWS.length} rows, each a 400 with a one-line message and the cache unchanged`, () => {
  for (const row of ROWS) {
    it(`${row.fn} ${JSON.stringify(row.event)?.slice(0, 120)}`, async () => {
      const before = cacheFingerprint(env.SQLITE_FILE!);
      const answer = (await handlerFor(row.fn)(row.event)) as Record<string, unknown>;
      const http = typeof row.event === "object" && row.event !== null && "requestContext" in row.event;
      const body = (http ? JSON.parse(answer.body as string) : answer) as { error: { code: string; message: string } };
      if (http) expect(answer.statusCode).toBe(row.status);
      expect(body.error.code).toBe("INVALID_INPUT");
      expect(body.error.message).toMatch(row.says);
      expect(body.error.message).not.toContain("\n");
      expect(cacheFingerprint(env.SQLITE_FILE!)).toEqual(before);
    });
  }
});
