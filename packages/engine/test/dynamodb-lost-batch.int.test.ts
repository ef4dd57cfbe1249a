import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DynamoDBCacheStore } from "@scrilla/cache/dynamodb";
import { type DynamoDBLocal, dynamoDBLocalClientConfig, startDynamoDBLocal } from "@scrilla/cache/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, recordedSeries, startHarness, TODAY } from "./support/engine-harness.js";

const WRITER = fileURLToPath(new URL("./support/dropped-batch-writer.mjs", import.meta.url));
const BATCH = 25; // DynamoDB's BatchWriteItem limit, the adapter's chunk size
const IN_FLIGHT = 8; // the adapter's write concurrency
// Five years of SPY (≈ 50 batches): several rounds of batches in flight, so the lost one is not in the last
// round, while the run stays well inside its budget on a loaded 2-core machine (the whole 1999– history,
// 222 batches, took over 120 s against DynamoDB Local at load average 30).
const WINDOW = { start: "2016-11-21", end: TODAY };
const BUDGET_MS = 300_000;

let harness: Harness;
let dynamo: DynamoDBLocal;
beforeAll(async () => {
  harness = await startHarness();
  dynamo = await startDynamoDBLocal();
}, BUDGET_MS);
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
  it(
    "no marker survives the lost batch; the next read refetches and returns the whole series",
    async () => {
      const prefix = "lost-batch-";
      const store = new DynamoDBCacheStore({
        clientConfig: dynamoDBLocalClientConfig(dynamo.endpoint),
        tablePrefix: prefix,
        provision: "auto",
      });
      await store.ready();
      const window = WINDOW;
      const recorded = recordedSeries("SPY", window);
      const batches = Math.ceil(recorded.dates.length / BATCH);
      expect(batches).toBeGreaterThan(3 * IN_FLIGHT);

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
    },
    BUDGET_MS,
  );
});
