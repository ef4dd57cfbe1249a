import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { type DynamoDBLocal, dynamoDBLocalClientConfig, startDynamoDBLocal } from "@scrilla/cache/testing";
import { type FixtureServer, startFixtureServer } from "@scrilla/market-data/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTables } from "./create-tables.js";
import { ALLY_RISK_PROFILE, expectClose, TODAY, WINDOW } from "./golden.js";
import { BUNDLE_PATH, loadBundle } from "./load-bundle.js";
import { offlineLambdaEnv } from "./support/offline-lambda-env.js";

/**
 * What "cold" means here: each of the 50 containers is the built bundle evaluated anew (its own module URL), with
 * its own engine, memory cache, DynamoDB client, HTTP client and data home, so nothing scrilla keeps in memory is
 * shared — as in separate Lambda containers. They run in 5 Node processes of 10 (50 whole processes would need
 * ~5 GB); the AWS SDK, which the Lambda runtime supplies, is loaded once per process. They meet only where real
 * containers meet: the DynamoDB tables (empty at the start) and the provider, counted at the fixture server.
 */
const PROCESSES = 5;
const PER_PROCESS = 10;
const CHILD = fileURLToPath(new URL("./cold-container-process.mjs", import.meta.url));

let dynamo: DynamoDBLocal;
let fixtures: FixtureServer;
let dir: string;
let tablePrefix: string;

beforeAll(async () => {
  await loadBundle(); // fails early with a clear message when the bundle was not built
  dynamo = await startDynamoDBLocal();
  fixtures = await startFixtureServer();
  dir = mkdtempSync(join(tmpdir(), "scrilla-cold-"));
  tablePrefix = `cold_${randomUUID().slice(0, 8)}_`;
  await createTables(dynamo.endpoint, tablePrefix);
});

afterAll(async () => {
  await fixtures?.close();
  await dynamo?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function containerEnv(id: number): Record<string, string> {
  return {
    CONTAINER_ID: String(id),
    SCRILLA_TODAY: TODAY,
    ...offlineLambdaEnv({ dynamoEndpoint: dynamo.endpoint, tablePrefix, fixtures, alphaVantageKey: "cold-test-key" }),
    ALPHA_VANTAGE_MIN_INTERVAL_MS: "0",
    SCRILLA_HOME: join(dir, `container-${id}`), // each container's own /tmp
    LOG_LEVEL: "none",
    // Generous so that on two busy cores a slow holder is still waited for and never fetched around: the bounded
    // wait and a dead holder's expiry are tested with an injected clock in @scrilla/engine (single-flight test).
    FETCH_WAIT_MS: "300000",
    FETCH_LEASE_MS: "300000",
  };
}

function lineFrom(child: ChildProcessWithoutNullStreams, what: (line: string) => boolean): Promise<string> {
  let buffered = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      buffered += chunk;
      const line = buffered.split("\n").find(what);
      if (line !== undefined) resolve(line);
    });
    child.on("exit", (code) => reject(new Error(`container process exited ${code}: ${stderr}`)));
  });
}

describe("50 concurrent cold Lambda containers on empty DynamoDB tables", () => {
  it("ask the provider once per ticker (single flight through the DynamoDB fetch lease) and all answer alike", async () => {
    const event = { tickers: ["ALLY", "BX"], options: { ...WINDOW, method: "moments" } };
    const processEnv = {
      ...process.env,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      AWS_EC2_METADATA_DISABLED: "true",
    };
    const children = Array.from({ length: PROCESSES }, (_, p) => {
      const child = spawn(
        process.execPath,
        [CHILD, BUNDLE_PATH, String(PER_PROCESS), "risk-profile", JSON.stringify(event)],
        { env: processEnv, stdio: ["pipe", "pipe", "pipe"] },
      );
      for (let i = 0; i < PER_PROCESS; i++) child.stdin.write(`${JSON.stringify(containerEnv(p * PER_PROCESS + i))}\n`);
      return { child, ready: lineFrom(child, (line) => line === "ready") };
    });
    await Promise.all(children.map(({ ready }) => ready));
    expect(fixtures.count()).toBe(0); // nothing asked before the go
    const answered = children.map(({ child }) => lineFrom(child, (line) => line.startsWith("[")));
    for (const { child } of children) child.stdin.end("go\n");
    const answers = (await Promise.all(answered)).flatMap((line) => JSON.parse(line) as unknown[]);

    expect(answers).toHaveLength(PROCESSES * PER_PROCESS);
    const ally = (answers[0] as Record<string, Record<string, unknown>>).ALLY;
    expect(ally, JSON.stringify(answers[0])).toBeDefined();
    for (const [key, value] of Object.entries(ALLY_RISK_PROFILE)) expectClose(ally?.[key], value, `ALLY ${key}`);
    for (const answer of answers) expect(answer).toEqual(answers[0]);

    const prices = (symbol: string) => fixtures.count({ params: { function: "TIME_SERIES_DAILY", symbol } });
    // ALLY and BX, and SPY, the market proxy their betas need: one request each, however many containers asked.
    expect({ ALLY: prices("ALLY"), BX: prices("BX"), SPY: prices("SPY") }).toEqual({ ALLY: 1, BX: 1, SPY: 1 });
    expect(fixtures.count({ service: "treasury" })).toBe(1); // the yield curve for the risk-free rate, once too

    // Every lease was given back.
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient(dynamoDBLocalClientConfig(dynamo.endpoint)));
    for (const [table, partition, value] of [
      ["prices", "ticker", "ALLY"],
      ["prices", "ticker", "BX"],
      ["prices", "ticker", "SPY"],
      ["interest", "maturity", "#yield-curve"],
    ] as const) {
      const { Items } = await documents.send(
        new QueryCommand({
          TableName: `${tablePrefix}${table}`,
          KeyConditionExpression: "#p = :p AND #d = :lease",
          ExpressionAttributeNames: { "#p": partition, "#d": "date" },
          ExpressionAttributeValues: { ":p": value, ":lease": "#lease" },
        }),
      );
      expect(Items, `${table} ${value}`).toEqual([]);
    }
    documents.destroy();
  }, 600_000); // a budget, not an assertion: 50 cold starts on two shared cores
});
