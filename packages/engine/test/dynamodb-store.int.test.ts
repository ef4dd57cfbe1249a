import { createCacheStore } from "@scrilla/cache";
import { type DynamoDBLocal, dynamoDBLocalClientConfig, startDynamoDBLocal } from "@scrilla/cache/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, WINDOW } from "./support/engine-harness.js";

let harness: Harness;
let dynamo: DynamoDBLocal;

beforeAll(async () => {
  harness = await startHarness();
  dynamo = await startDynamoDBLocal();
}, 600_000); // DynamoDB Local's start-up budget (DEFAULT_START_TIMEOUT_MS) plus room
afterAll(async () => {
  await harness?.close();
  await dynamo?.stop();
});

const openDynamoStore = () =>
  createCacheStore({
    mode: "dynamodb",
    dynamodb: {
      clientConfig: dynamoDBLocalClientConfig(dynamo.endpoint),
      tablePrefix: "engine-test-",
      provision: "auto",
    },
  });

describe("the engine on DynamoDB (DynamoDB Local) gives the SQLite answers", () => {
  it("risk profiles, correlations and an optimisation agree, and a repeat makes no HTTP call", async () => {
    const sqlite = await harness.open();
    const dynamoStore = await openDynamoStore();
    const onDynamo = await harness.open({ store: dynamoStore });
    try {
      for (const [command, symbols, options] of [
        ["risk-profile", ["ALLY", "BTC"], WINDOW],
        ["correlation", ["ALLY", "BX", "SPY"], WINDOW],
        ["optimize-portfolio", ["ALLY", "BX", "SPY"], WINDOW],
      ] as const) {
        const expected = await sqlite.run(command, symbols, options);
        expect(await onDynamo.run(command, symbols, options)).toEqual(expected);
      }
      const requests = harness.server.count();
      const again = await onDynamo.run("risk-profile", ["ALLY", "BTC"], WINDOW);
      expect(again).toEqual(await sqlite.run("risk-profile", ["ALLY", "BTC"], WINDOW));
      expect(harness.server.count()).toBe(requests);
    } finally {
      await dynamoStore.close();
    }
  }, 300_000);
});
