/** Test harness: a real engine on a temp SQLite file against the loopback fixture server. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CacheStore } from "@scrilla/cache";
import type { PriceSeries } from "@scrilla/core";
import { type FixtureServer, startFixtureServer } from "@scrilla/market-data/testing";
import { afterAll, beforeAll } from "vitest";
import { createEngine, type Engine, type WaitClock } from "../../src/index.js";

export const WINDOW = { start: "2021-07-14", end: "2021-11-19" } as const;
export const TODAY = "2021-11-19";

export interface Harness {
  server: FixtureServer;
  dir: string;
  env: Record<string, string>;
  open(extra?: { env?: Record<string, string>; store?: CacheStore; clock?: WaitClock }): Promise<Engine>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const server = await startFixtureServer();
  const dir = mkdtempSync(join(tmpdir(), "scrilla-engine-"));
  const env: Record<string, string> = {
    ALPHA_VANTAGE_KEY: "test-key",
    ALPHA_VANTAGE_URL: server.urls.alphaVantage,
    ALPHA_VANTAGE_CRYPTO_META_URL: server.urls.alphaVantageCryptoMeta,
    TREASURY_URL: server.urls.treasury,
    FRED_URL: server.urls.fred,
    SQLITE_FILE: join(dir, "cache.db"),
    SCRILLA_HOME: join(dir, "home"),
    ALPHA_VANTAGE_MIN_INTERVAL_MS: "0",
    ALPHA_VANTAGE_THROTTLE_WAIT_MS: "20",
    HTTP_BACKOFF_MS: "10",
    HTTP_TIMEOUT_MS: "30000", // generous: a loaded machine may answer slowly; fault tests set their own
  };
  const engines: Engine[] = [];
  return {
    server,
    dir,
    env,
    async open(extra = {}) {
      const engine = await createEngine({
        env: { ...env, ...extra.env },
        today: TODAY,
        ...(extra.store ? { store: extra.store } : {}),
        ...(extra.clock ? { clock: extra.clock } : {}),
      });
      engines.push(engine);
      return engine;
    },
    async close() {
      for (const engine of engines) await engine.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const FIXTURES = resolve(import.meta.dirname, "../../../../fixtures/alphavantage");

/** The recorded file read directly (not through any scrilla code), ascending, within the window. */
export function recordedSeries(ticker: string, window: { start: string; end: string } = WINDOW): PriceSeries {
  const crypto = ticker === "BTC" || ticker === "ALGO";
  const file = join(FIXTURES, crypto ? "DIGITAL_CURRENCY_DAILY" : "TIME_SERIES_DAILY", `${ticker}.json`);
  const body = JSON.parse(readFileSync(file, "utf8")) as Record<string, Record<string, Record<string, string>>>;
  const rows = body[crypto ? "Time Series (Digital Currency Daily)" : "Time Series (Daily)"]!;
  const dates = Object.keys(rows)
    .filter((d) => d >= window.start && d <= window.end)
    .sort();
  const close = (d: string) => Number(rows[d]![crypto ? "4a. close (USD)" : "4. close"]);
  return { dates, close: Float64Array.from(dates, close) };
}

export const relativeError = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);

/**
 * One engine on a fresh harness for a whole test file: started in beforeAll, closed in afterAll. The object
 * returned forwards to it, so tests use it as the engine itself.
 */
export function engineForTestFile(): Engine {
  let harness: Harness | undefined;
  let engine: Engine | undefined;
  beforeAll(async () => {
    harness = await startHarness();
    engine = await harness.open();
  });
  afterAll(async () => harness?.close());
  return new Proxy({} as Engine, {
    get(_target, key) {
      if (!engine) throw new Error("The test file's engine was used before beforeAll started it.");
      const value: unknown = Reflect.get(engine, key);
      return typeof value === "function" ? value.bind(engine) : value;
    },
  });
}
