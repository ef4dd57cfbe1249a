import { randomUUID } from "node:crypto";
import { startDynamoDBLocal } from "@scrilla/cache/testing";
import { type FixtureServer, startFixtureServer } from "@scrilla/market-data/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTables } from "./create-tables.js";
import { buildLambdaImage, invokeInContainer, removeImage, requireDocker } from "./docker.js";
import { expectClose, WINDOW } from "./golden.js";
import { loadEvent } from "./load-event.js";
import { offlineLambdaEnv } from "./support/offline-lambda-env.js";

/** Spec A.2: Pearson correlation of ALLY and BX, the recommended moments estimate. */
const ALLY_BX_CORRELATION = 0.210174607610038;

let image: string;
let dynamo: Awaited<ReturnType<typeof startDynamoDBLocal>>;
let fixtures: FixtureServer;
let env: Record<string, string>;

beforeAll(async () => {
  await requireDocker();
  image = await buildLambdaImage();
  dynamo = await startDynamoDBLocal();
  fixtures = await startFixtureServer();
  const tablePrefix = `image_${randomUUID().slice(0, 8)}_`;
  await createTables(dynamo.endpoint, tablePrefix);
  env = {
    SCRILLA_FUNCTION: "correlation",
    ...offlineLambdaEnv({ dynamoEndpoint: dynamo.endpoint, tablePrefix, fixtures, alphaVantageKey: "image-test-key" }),
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    AWS_EC2_METADATA_DISABLED: "true",
  };
}, 900_000); // a budget: image build + DynamoDB Local on a loaded machine

afterAll(async () => {
  await fixtures?.close();
  await dynamo?.stop();
  if (image) await removeImage(image);
});

describe("the container image (apps/lambda/Dockerfile FROM the local Node 24 stand-in base)", () => {
  it("runs index.handler once with a direct event and answers the spec's correlation", async () => {
    const { result, logLines } = await invokeInContainer(image, env, {
      tickers: ["ALLY", "BX"],
      options: { ...WINDOW, method: "moments" },
    });
    const matrix = (result as { correlation_matrix?: number[][] }).correlation_matrix;
    expect(matrix, JSON.stringify(result)).toHaveLength(2);
    expectClose(matrix?.[0]?.[1], ALLY_BX_CORRELATION, "ALLY-BX correlation");
    expectClose(matrix?.[1]?.[0], ALLY_BX_CORRELATION, "BX-ALLY correlation");
    expect(fixtures.count()).toBeGreaterThan(0);
    for (const line of logLines) expect(() => JSON.parse(line), line).not.toThrow();
  });

  it("answers a bad HTTP event with 400 inside the container", async () => {
    const event = { ...loadEvent("function-url-get"), queryStringParameters: { tickers: "ALLY" } };
    const { result } = await invokeInContainer(image, env, event);
    const http = result as { statusCode: number; body: string };
    expect(http.statusCode).toBe(400);
    expect(JSON.parse(http.body).error.code).toBe("INVALID_INPUT");
  });
});
