import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { startDynamoDBLocal } from "@scrilla/cache/testing";
import { type FixtureServer, startFixtureServer } from "@scrilla/market-data/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTables } from "./create-tables.js";
import { ALLY_RISK_PROFILE, expectClose, TODAY, WINDOW } from "./golden.js";
import { BUNDLE_PATH, type Bundle, loadBundle } from "./load-bundle.js";
import { loadEvent } from "./load-event.js";
import { offlineLambdaEnv } from "./support/offline-lambda-env.js";

type HttpAnswer = { statusCode: number; headers: Record<string, string>; body: string };

let bundle: Bundle;
let dynamo: Awaited<ReturnType<typeof startDynamoDBLocal>>;
let fixtures: FixtureServer;
let home: string;
let env: Record<string, string>;
const logLines: string[] = [];

/** A fresh handler is a fresh Lambda container: empty memory cache, engine built anew. */
function newContainer(command: string, extra: Record<string, string> = {}) {
  return bundle.createHandler({
    env: { ...env, SCRILLA_FUNCTION: command, ...extra },
    today: TODAY,
    logger: bundle.createJsonLogger({
      level: "debug",
      out: (line) => logLines.push(line),
      err: (line) => logLines.push(line),
    }),
  });
}

function expectAllyProfile(answer: unknown): void {
  const profile = (answer as Record<string, Record<string, unknown>>).ALLY;
  expect(profile, JSON.stringify(answer)).toBeDefined();
  for (const [key, value] of Object.entries(ALLY_RISK_PROFILE)) expectClose(profile?.[key], value, `ALLY ${key}`);
}

beforeAll(async () => {
  bundle = await loadBundle();
  dynamo = await startDynamoDBLocal();
  fixtures = await startFixtureServer();
  home = mkdtempSync(join(tmpdir(), "scrilla-lambda-e2e-"));
  const tablePrefix = `e2e_${randomUUID().slice(0, 8)}_`;
  await createTables(dynamo.endpoint, tablePrefix);
  // The SDK's credential and region chain reads process.env, as it does on Lambda.
  Object.assign(process.env, {
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    AWS_EC2_METADATA_DISABLED: "true",
  });
  env = {
    ...offlineLambdaEnv({ dynamoEndpoint: dynamo.endpoint, tablePrefix, fixtures, alphaVantageKey: "e2e-test-key" }),
    SCRILLA_HOME: home,
  };
});

afterAll(async () => {
  await fixtures?.close();
  await dynamo?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe("the built bundle (dist/index.mjs) against DynamoDB Local and the fixture server", () => {
  it("exports index.handler for the Lambda runtime", () => {
    expect(typeof bundle.handler).toBe("function");
  });

  it("answers a direct risk-profile call with the spec's values, then from the cache in a new container", async () => {
    const direct = { tickers: ["ALLY"], options: { ...WINDOW, method: "moments" } };
    expectAllyProfile(await newContainer("risk-profile")(direct, { awsRequestId: "e2e-1" }));
    const fetched = fixtures.count();
    expect(fetched).toBeGreaterThan(0);

    // A new container has an empty memory cache: the answer must come from DynamoDB, not the provider.
    const http = (await newContainer("risk-profile")(loadEvent("function-url-get-ally"))) as HttpAnswer;
    expect(http.statusCode).toBe(200);
    expect(http.headers["content-type"]).toMatch(/^application\/json/);
    expectAllyProfile(JSON.parse(http.body));
    expect(fixtures.count()).toBe(fetched);
  });

  it("answers HTTP POST (JSON and base64) bodies", async () => {
    const handler = newContainer("rp");
    const event = loadEvent("api-gateway-v2-post-json");
    const body = JSON.stringify({ tickers: ["ALLY"], options: WINDOW });
    event.body = body;
    const json = (await handler(event)) as HttpAnswer;
    expect(json.statusCode).toBe(200);
    expectAllyProfile(JSON.parse(json.body));

    const encoded = { ...event, body: Buffer.from(body).toString("base64"), isBase64Encoded: true };
    const base64 = (await handler(encoded)) as HttpAnswer;
    expect(base64.statusCode).toBe(200);
    expect(JSON.parse(base64.body)).toEqual(JSON.parse(json.body));
  });

  it("answers bad events with 400 and the error object, without touching the provider", async () => {
    const before = fixtures.count();
    const handler = newContainer("correlation");
    await expect(handler({ tickers: ["ALLY"], options: WINDOW })).resolves.toEqual({
      error: { code: "INVALID_INPUT", message: 'correlation needs at least 2 symbol(s) in "tickers"; got 1.' },
    });
    const event = loadEvent("function-url-get");
    event.queryStringParameters = { tickers: "ALLY,BX", start: "2021-14-07" };
    const http = (await handler(event)) as HttpAnswer;
    expect(http.statusCode).toBe(400);
    const body = JSON.parse(http.body) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("INVALID_INPUT");
    expect(body.error.message).toContain("2021-14-07");
    expect(http.body).not.toMatch(/\n\s+at /);
    expect(fixtures.count()).toBe(before);
  });

  it("maps provider trouble to 503 (rate limited) and 502 (provider error)", async () => {
    fixtures.inject({ kind: "daily-quota" });
    const limited = (await newContainer("prices")({
      ...loadEvent("function-url-get"),
      queryStringParameters: { tickers: "GLD", ...WINDOW },
    })) as HttpAnswer;
    expect(limited.statusCode, limited.body).toBe(503);
    expect(JSON.parse(limited.body).error.code).toBe("RATE_LIMITED");

    fixtures.inject({ kind: "http-error", status: 500, times: 10, service: "alphaVantage" });
    const failed = (await newContainer("prices")({ tickers: ["DIS"], options: WINDOW })) as {
      error: { code: string; message: string };
    };
    expect(failed.error.code).toBe("PROVIDER_ERROR");
    fixtures.reset();
  });

  it("configures index.handler from process.env and never loads node:sqlite (CACHE_MODE=dynamodb)", async () => {
    // A child process, as on Lambda: only the bundle is loaded, so Node's module list is the bundle's own.
    const script = [
      `const { handler } = await import(${JSON.stringify(pathToFileURL(BUNDLE_PATH).href)});`,
      `const answer = await handler(${JSON.stringify({ tickers: ["ALLY", "BX"], options: WINDOW })});`,
      "const sqlite = process.moduleLoadList.some((name) => name.includes('sqlite'));",
      "process.stdout.write(JSON.stringify({ answer, sqlite }));",
      "process.exit(0);",
    ].join("\n");
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
      env: { ...process.env, ...env, SCRILLA_FUNCTION: "correlation", LOG_LEVEL: "none" },
      timeout: 300_000,
    });
    const { answer, sqlite } = JSON.parse(stdout) as { answer: { correlation_matrix?: number[][] }; sqlite: boolean };
    expect(answer.correlation_matrix, stdout).toHaveLength(2);
    expect(sqlite).toBe(false);
  });

  it("still opens a SQLite cache when asked (CACHE_MODE=sqlite), loading node:sqlite on first use", async () => {
    const sqliteFile = join(home, "lambda-sqlite.db");
    const handler = newContainer("prices", { CACHE_MODE: "sqlite", SQLITE_FILE: sqliteFile });
    const answer = (await handler({ tickers: ["ALLY"], options: WINDOW })) as Record<string, Record<string, number>>;
    const closes = Object.values(answer.ALLY ?? {});
    expect(closes.length, JSON.stringify(answer).slice(0, 200)).toBe(92); // spec Appendix A: 92 ALLY prices
    expect(closes.every((close) => close > 0)).toBe(true);
    expect(existsSync(sqliteFile)).toBe(true);
  });

  it("writes its logs as one JSON object per line, with the request id", () => {
    expect(logLines.length).toBeGreaterThan(0);
    const parsed = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.find((line) => line.requestId === "e2e-1")).toMatchObject({
      message: "invocation done",
      command: "risk-profile",
      status: 200,
    });
    expect(logLines.join("\n")).not.toContain("e2e-test-key");
  });
});
