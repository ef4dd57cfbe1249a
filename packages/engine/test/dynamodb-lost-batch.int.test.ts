import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DynamoDBCacheStore } from "@scrilla/cache/dynamodb";
import { type DynamoDBLocal, dynamoDBLocalClientConfig, startDynamoDBLocal } from "@scrilla/cache/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, recordedSeries, startHarness, TODAY } from "./support/engine-harness.js";

const WRITER = fileURLToPath(new URL("./support/dropped-batch-writer.mjs", import.meta.url));
const BATCH = 25; // DynamoDB's BatchWriteItem limit, the adapter's chunk size

let harness: Harness;
let dynamo: DynamoDBLocal;
beforeAll(async () => {
  harness = await startHarness();
  dynamo = await startDynamoDBLocal();
}, 120_000);
afterAll(async () => {
  await harness?.close();
  await dynamo?.stop();
});

/** Runs the writer until every batch but the lost one has landed, then kills it with SIGKILL. */
function runAndKillWriter(prefix: string, window: object, batches: number): Promise<string[]> {
  const child = spawn(process.execPath, [WRITER, dynamo.endpoint, prefix, "SPY", JSON.stringify(window), TODAY], {
    env: { ...process.env, ...harness.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      lines.push(...chunk.split("\n").filter(Boolean));
      const ok = lines.filter((line) => line === "ok").length;
      if (lines.includes("lost") && ok === batches - 1) child.kill("SIGKILL");
    });
    child.on("exit", (code, signal) =>
      signal === "SIGKILL" ? resolve(lines) : reject(new Error(`writer exited ${code}: ${stderr} ${lines.join(",")}`)),
    );
  });
}

describe("a DynamoDB batch lost with its writer killed is refetched, never served short", () => {
  it("no marker survives the lost batch; the next read refetches and returns the whole series", async () => {
    const prefix = "lost-batch-";
    const store = new DynamoDBCacheStore({
      clientConfig: dynamoDBLocalClientConfig(dynamo.endpoint),
      tablePrefix: prefix,
      provision: "auto",
    });
    await store.ready();
    const window = { start: "1999-11-01", end: TODAY };
    const recorded = recordedSeries("SPY", window);
    const batches = Math.ceil(recorded.dates.length / BATCH);
    expect(batches).toBeGreaterThan(100);

    const lines = await runAndKillWriter(prefix, window, batches);
    expect(lines).not.toContain("finished");
    // The lost batch really is missing, and no fetched marker vouches for the short series.
    expect(await store.getPrices("SPY", window)).toHaveLength(recorded.dates.length - BATCH);
    expect(await store.getFetchedRanges("prices", "SPY")).toEqual([]);

    harness.server.reset();
    // The killed writer never gave its fetch lease back: this reader waits for it FETCH_WAIT_MS, then fetches anyway.
    const engine = await harness.open({ store, env: { FETCH_WAIT_MS: "1000" } });
    const prices = (await engine.run("prices", ["SPY"], window)) as { SPY: Record<string, number> };
    expect(harness.server.count({ params: { function: "TIME_SERIES_DAILY", symbol: "SPY" } })).toBe(1);
    expect(Object.keys(prices.SPY)).toEqual(recorded.dates);
    expect(Object.values(prices.SPY)).toEqual([...recorded.close]);
    expect(await store.getFetchedRanges("prices", "SPY")).toEqual([window]);
    await store.close();
  }, 120_000);
});
