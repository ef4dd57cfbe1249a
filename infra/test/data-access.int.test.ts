import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { MemoryCacheStore } from "@scrilla/cache";
import { DynamoDBCacheStore } from "@scrilla/cache/dynamodb";
import { type DynamoDBLocal, dynamoDBLocalClientConfig, startDynamoDBLocal } from "@scrilla/cache/testing";
import { createEngine } from "@scrilla/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCRILLA_FUNCTIONS } from "../src/function-catalog.js";
import { dynamoGrants, functionAccess, tableKindOf } from "./support/iam.js";
import { synthDeployment } from "./support/synth.js";

// Every deployed command, run by the engine as its function runs it (DynamoDB store, provisioning off, the
// memory layer in front) against DynamoDB Local, on the bundled offline files. Each DynamoDB call is recorded
// as action@table and compared with what the synthesized policy of that command's function grants.
const EXAMPLES = resolve(import.meta.dirname, "../../examples");
const PROB = { probability: 0.05, expiry: 0.5 };
const VIEWS = {
  marketCaps: { SPY: 400, GLD: 60, BX: 40 },
  riskAversion: 2.5,
  views: [{ asset: "GLD", return: 0.06, confidence: 0.5 }],
};
type Run = [symbols: string[], options: Record<string, unknown>];
const PORTFOLIO = ["SPY", "GLD", "BX"];

/** The calls of each function's command: every option that changes what the code path reads or writes. */
const RUNS: Record<string, Run[]> = {
  "risk-profile": [[["SPY", "GLD"], {}]],
  correlation: [[PORTFOLIO, {}]],
  "optimize-portfolio": [
    [PORTFOLIO, {}],
    [PORTFOLIO, { sharpe: true }],
    [PORTFOLIO, { risk: "cvar-historical", probability: 0.05 }],
    [PORTFOLIO, { mean: "capm", riskModel: "ledoit-wolf", targetVolatility: 0.3 }],
  ],
  "efficient-frontier": [[PORTFOLIO, { steps: 3 }]],
  "optimize-cvar": [[["ALLY", "BX", "SPY"], { ...PROB, investment: 10_000 }]],
  hrp: [[PORTFOLIO, {}]],
  "black-litterman": [[PORTFOLIO, { views: VIEWS }]],
  var: [[["ALLY"], PROB]],
  cvar: [[["ALLY"], PROB]],
  "capm-beta": [[["ALLY"], {}]],
  "capm-equity": [[["ALLY"], {}]],
  "sharpe-ratio": [[["BX"], {}]],
  ddm: [
    [["ALLY", "BX"], {}],
    [["ALLY"], { discount: 0.05 }],
  ],
  "mov-averages": [[["SPY"], {}]],
  dividends: [[["ALLY", "BX"], {}]],
  "yield-curve": [[[], {}]],
  prices: [[["SPY", "GLD"], {}]],
};

let local: DynamoDBLocal;
let dir: string;
const { parsed } = synthDeployment("dev");
const granted = new Map(
  [...functionAccess(parsed)].map(([command, { policies }]) => [
    command,
    Object.entries(dynamoGrants(policies.flatMap((p) => p.statements))).flatMap(([arn, actions]) =>
      actions.map((action) => `${action.slice("dynamodb:".length)}@${tableKindOf(parsed, arn, "scrilla-dev-")}`),
    ),
  ]),
);

beforeAll(async () => {
  local = await startDynamoDBLocal();
  dir = mkdtempSync(join(tmpdir(), "scrilla-data-access-"));
});
afterAll(async () => {
  await local?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs a command's calls twice (cold, then warm) on fresh tables; returns every DynamoDB call as action@table. */
async function callsOf(command: string, runs: readonly Run[]): Promise<Set<string>> {
  const clientConfig = dynamoDBLocalClientConfig(local.endpoint);
  const tablePrefix = `${command}-`;
  const provisioner = new DynamoDBCacheStore({ clientConfig, tablePrefix, provision: "auto" });
  await provisioner.ready();
  await provisioner.close();
  const dynamo = new DynamoDBCacheStore({ clientConfig, tablePrefix, provision: "never" });
  const calls = new Set<string>();
  dynamo.client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { TableName?: string; RequestItems?: Record<string, unknown> };
      const tables = input.TableName ? [input.TableName] : Object.keys(input.RequestItems ?? {});
      const action = (context.commandName ?? "").replace(/Command$/, "");
      for (const table of tables) calls.add(`${action}@${table.slice(tablePrefix.length)}`);
      return next(args);
    },
    { step: "initialize", name: "recordCalls" },
  );
  const engine = await createEngine({
    env: {
      DATA_DIR: EXAMPLES,
      SCRILLA_HOME: join(dir, command),
      // Unreachable on purpose: everything comes from the bundled files.
      ALPHA_VANTAGE_URL: "http://127.0.0.1:9/query",
      TREASURY_URL: "http://127.0.0.1:9",
      FRED_URL: "http://127.0.0.1:9/fred",
      HTTP_RETRIES: "0",
    },
    store: new MemoryCacheStore(dynamo),
  });
  try {
    for (let pass = 0; pass < 2; pass += 1) {
      for (const [symbols, options] of runs) await engine.run(command as "prices", symbols, options as never);
    }
  } finally {
    await engine.close();
    await dynamo.close();
  }
  return calls;
}

describe("each function's DynamoDB grants against what its command calls", () => {
  it("has calls for every deployed command", () => {
    expect(Object.keys(RUNS).sort()).toEqual(SCRILLA_FUNCTIONS.map((spec) => spec.command).sort());
  });

  it.each(SCRILLA_FUNCTIONS.map((spec) => spec.command))("%s calls exactly what its role grants", async (command) => {
    const calls = await callsOf(command, RUNS[command] ?? []);
    const grants = granted.get(command) ?? [];
    // Nothing called that is not granted (AccessDenied in AWS)…
    expect([...calls].filter((call) => !grants.includes(call)).sort()).toEqual([]);
    // …and nothing granted that is never called.
    const unused = grants.filter((grant) => !calls.has(grant));
    expect(unused.sort()).toEqual([]);
  });
});
