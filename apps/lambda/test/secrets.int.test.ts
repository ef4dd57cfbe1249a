import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FixtureServer, startFixtureServer } from "@scrilla/market-data/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHandler } from "../src/handler.js";
import { createJsonLogger } from "../src/json-logger.js";

const CANARY = "CANARY-LAMBDA-3a9c";

let server: FixtureServer;
let dir: string;
beforeAll(async () => {
  server = await startFixtureServer();
  dir = mkdtempSync(join(tmpdir(), "scrilla-lambda-secret-"));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("Lambda: a canary key echoed by the provider is absent from the response and every log line", () => {
  it("a 403 body echoing the SSM-provided key", async () => {
    const lines: string[] = [];
    const logger = createJsonLogger({
      level: "debug",
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
    });
    const handler = createHandler({
      env: {
        SCRILLA_FUNCTION: "prices",
        CACHE_MODE: "sqlite",
        SQLITE_FILE: join(dir, "cache.db"),
        SCRILLA_HOME: join(dir, "home"),
        ALPHA_VANTAGE_KEY_PARAMETER: "/scrilla/alpha-vantage-key",
        ALPHA_VANTAGE_URL: server.urls.alphaVantage,
        ALPHA_VANTAGE_CRYPTO_META_URL: server.urls.alphaVantageCryptoMeta,
        TREASURY_URL: server.urls.treasury,
        ALPHA_VANTAGE_MIN_INTERVAL_MS: "0",
        HTTP_RETRIES: "0",
      },
      logger,
      readParameter: async () => CANARY,
      today: "2021-11-19",
    });
    server.inject({ kind: "body", service: "alphaVantage", status: 403, body: `denied: ${CANARY}` });
    const answer = await handler({ tickers: ["BX"], options: { start: "2021-07-14", end: "2021-11-19" } });
    expect(answer).toMatchObject({ error: { code: "PROVIDER_ERROR" } });
    expect(JSON.stringify(answer)).toContain("***");
    expect(JSON.stringify(answer)).not.toContain(CANARY);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toContain(CANARY);
  });
});
