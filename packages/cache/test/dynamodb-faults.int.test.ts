import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterEach, describe, expect, it } from "vitest";
import { DynamoDBCacheStore } from "../src/dynamodb/index.js";
import { createCacheStore, type MemoryCacheStore } from "../src/index.js";
import { dynamoDBLocalClientConfig } from "../src/testing/index.js";
import { useDynamoDBLocal } from "./support/dynamodb-suite.js";
import { expectScrillaError } from "./support/expect-error.js";
import { type FaultPlan, faultyClient } from "./support/fault-injection.js";
import { syntheticPrices } from "./support/fixture-prices.js";

// One DynamoDB Local (jar) for the whole file.
const context = useDynamoDBLocal("jar");

describe("DynamoDB faults (injected by SDK middleware against DynamoDB Local, jar)", () => {
  const clients: DynamoDBClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  const fastRetry = { baseDelayMs: 1, maxDelayMs: 20 };

  /** A store on tables created by a healthy client, whose writes then go through a faulty one. */
  async function faultyStore(plan: FaultPlan, maxAttempts = 10) {
    const healthy = await context.openStore();
    const { client, stats } = faultyClient(dynamoDBLocalClientConfig(context.local.endpoint), plan);
    clients.push(client);
    const tablePrefix = healthy.tables.prices.TableName.replace(/prices$/, "");
    const store = new DynamoDBCacheStore({ client, tablePrefix, retry: { ...fastRetry, maxAttempts } });
    return { store, healthy, stats };
  }
  const all = { start: "1900-01-01", end: "2100-12-31" };

  it("retries UnprocessedItems until every item is written", async () => {
    const { store, healthy, stats } = await faultyStore({ unprocessedCalls: 30 });
    const rows = syntheticPrices(250, "2000-01-01");
    await store.putPrices("SPY", rows, { start: "2000-01-01", end: "2001-05-14" });
    expect(stats.unprocessedInjected).toBeGreaterThan(100);
    expect(stats.batchWriteCalls).toBeGreaterThan(Math.ceil(251 / 25));
    const stored = await healthy.getPrices("SPY", all);
    expect(stored).toHaveLength(250);
    expect(stored.map((row) => row.close)).toEqual(rows.map((row) => row.close));
    expect(await healthy.getFetchedRanges("prices", "SPY")).toEqual([{ start: "2000-01-01", end: "2001-05-14" }]);
  });

  it("retries throttling errors until every item is written", async () => {
    const { store, healthy, stats } = await faultyStore({ throttleCalls: 12 });
    await store.putPrices("GLD", syntheticPrices(300, "2010-01-01"));
    expect(stats.throttlesInjected).toBe(12);
    expect(await healthy.getPrices("GLD", all)).toHaveLength(300);
  });

  it("gives up after the bounded number of attempts with CACHE_ERROR", async () => {
    const unprocessed = await faultyStore({ stuck: true }, 4);
    const message = await expectScrillaError(unprocessed.store.putPrices("BX", syntheticPrices(10)), "CACHE_ERROR");
    expect(message).toMatch(/unprocessed after 4 attempts/);
    expect(unprocessed.stats.batchWriteCalls).toBe(4);

    const throttled = await faultyStore({ throttleAll: true }, 3);
    const throttledMessage = await expectScrillaError(
      throttled.store.putPrices("BX", syntheticPrices(10)),
      "CACHE_ERROR",
    );
    expect(throttledMessage).toMatch(/still throttled after 3 attempts.*ProvisionedThroughputExceededException/);
    expect(throttled.stats.batchWriteCalls).toBe(3);
  });

  it("does not retry an error that is not transient", async () => {
    const fatal = Object.assign(new Error("One or more parameter values were invalid"), {
      name: "ValidationException",
    });
    const { store, stats } = await faultyStore({ fatalError: fatal });
    const message = await expectScrillaError(store.putPrices("BX", syntheticPrices(60)), "CACHE_ERROR");
    expect(message).toContain("ValidationException");
    expect(stats.batchWriteCalls).toBeLessThanOrEqual(8); // one call per chunk in flight, no retries
  });

  it("with DYNAMO_PROVISION=never, a missing table is a CACHE_ERROR that says what to do", async () => {
    const store = new DynamoDBCacheStore({ client: context.client, tablePrefix: "missing_", provision: "never" });
    const message = await expectScrillaError(store.getPrices("SPY", all), "CACHE_ERROR");
    expect(message).toMatch(/missing_prices does not exist.*DYNAMO_PROVISION=auto/);
  });

  it("provisions idempotently, also when two stores create the same tables at once", async () => {
    const options = { client: context.client, tablePrefix: "race_", provision: "auto" as const };
    const first = new DynamoDBCacheStore(options);
    const second = new DynamoDBCacheStore(options);
    await Promise.all([first.ready(), second.ready()]);
    await new DynamoDBCacheStore(options).ready();
    await first.putPrices("SPY", [{ date: "2024-01-02", open: 1, close: 2 }]);
    expect(await second.getPrices("SPY", all)).toHaveLength(1);
  });
});

describe("createCacheStore with mode dynamodb (jar)", () => {
  it("opens the DynamoDB store, provisions it, and layers memory on top when asked", async () => {
    const store = await createCacheStore({
      mode: "dynamodb",
      dynamodb: {
        clientConfig: dynamoDBLocalClientConfig(context.local.endpoint),
        tablePrefix: "factory_",
        provision: "auto",
      },
      memory: { maxEntries: 10 },
    });
    expect(store.backend).toBe("memory");
    expect((store as MemoryCacheStore).inner.backend).toBe("dynamodb");
    await store.putCorrelation(
      {
        ticker1: "SPY",
        ticker2: "GLD",
        startDate: "2024-01-02",
        endDate: "2024-06-28",
        method: "moments",
        weekends: false,
      },
      0.12,
    );
    const direct = new DynamoDBCacheStore({ client: context.client, tablePrefix: "factory_" });
    expect(
      await direct.getCorrelation({
        ticker1: "GLD",
        ticker2: "SPY",
        startDate: "2024-01-02",
        endDate: "2024-06-28",
        method: "moments",
        weekends: false,
      }),
    ).toBe(0.12);
    await store.close();
  });
});
