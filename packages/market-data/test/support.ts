import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMarketData, type MarketData, type MarketDataOptions } from "../src/index.js";
import {
  DEFAULT_FIXTURES_DIR,
  type FixtureServer,
  type FixtureServerOptions,
  startFixtureServer,
} from "../src/testing/index.js";

/** A distinctive key, so tests can prove it never leaks into messages. */
export const TEST_KEY = "TESTKEY-7f3c9a";

export const RANGE = { start: "2021-07-14", end: "2021-11-19" };

export interface Harness {
  server: FixtureServer;
  market: MarketData;
  logs: string[];
}

/** A fixture server plus providers pointed at it, with waits shrunk so fault tests run fast. */
export async function startHarness(
  serverOptions: FixtureServerOptions = {},
  marketOptions: Partial<MarketDataOptions> = {},
): Promise<Harness> {
  const server = await startFixtureServer(serverOptions);
  const logs: string[] = [];
  const market = createMarketData({
    urls: server.urls,
    env: { ALPHA_VANTAGE_KEY: TEST_KEY, FRED_KEY: TEST_KEY },
    // A generous timeout: a loaded machine may answer slowly; the hang tests pass their own short one.
    http: { timeoutMs: 30_000, retries: 2, backoffMs: 1, maxBackoffMs: 5 },
    alphaVantage: { minIntervalMs: 0, throttleWaitMs: 1, maxThrottleWaits: 2 },
    treasury: { minIntervalMs: 0 },
    fred: { requestsPerSecond: 1_000 },
    logger: (level, message) => logs.push(`${level}: ${message}`),
    ...marketOptions,
  });
  return { server, market, logs };
}

export const tempDir = (prefix: string): Promise<string> => mkdtemp(join(tmpdir(), `scrilla-md-${prefix}-`));

/** A recorded fixture read straight from disk, for independent comparisons. */
export async function readRecorded(...parts: string[]): Promise<string> {
  return readFile(join(DEFAULT_FIXTURES_DIR, ...parts), "utf8");
}

/** Catches the rejection of `promise`, failing if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { code?: string; details?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("expected the promise to reject, but it resolved");
}
