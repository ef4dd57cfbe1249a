import { describe, expect, it } from "vitest";
import { startDynamoDBLocal } from "../src/testing/index.js";

const rejectionOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: Error & { code?: string }) => error,
  );

describe("startDynamoDBLocal start-up budget", () => {
  it("a start that runs out of budget fails saying what it waited for, where, and how to wait longer", async () => {
    // 1 ms: no JVM answers that fast, so this exercises the give-up path deterministically.
    const error = await rejectionOf(startDynamoDBLocal({ backend: "jar", startTimeoutMs: 1, log: () => {} }));
    expect(error.code).toBe("CONFIG");
    expect(error.message).toMatch(/waited 0\.001 s for DynamoDB Local \(the jar \(.*java, pid \d+\)\)/);
    expect(error.message).toMatch(/to answer HTTP at http:\/\/127\.0\.0\.1:\d+/);
    expect(error.message).toContain("DYNAMODB_LOCAL_START_TIMEOUT_MS");
  });

  it("rejects a budget that is not a positive whole number of ms", async () => {
    const error = await rejectionOf(
      startDynamoDBLocal({ backend: "jar", env: { DYNAMODB_LOCAL_START_TIMEOUT_MS: "soon" }, log: () => {} }),
    );
    expect(error).toMatchObject({ code: "CONFIG" });
    expect(error.message).toContain(
      'DYNAMODB_LOCAL_START_TIMEOUT_MS must be a positive whole number of ms; got "soon"',
    );
  });
});
