import { describe, expect, it } from "vitest";
import { BATCH_WRITE_LIMIT, backoffDelay, DEFAULT_RETRY_POLICY } from "../src/dynamodb/batch-write.js";

describe("BatchWriteItem retry policy", () => {
  it("chunks by DynamoDB's limit of 25 and bounds the number of attempts", () => {
    expect(BATCH_WRITE_LIMIT).toBe(25);
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBeGreaterThan(1);
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBeLessThanOrEqual(20);
  });

  it("draws full-jitter delays under an exponentially growing, capped ceiling", () => {
    const policy = { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 300 };
    for (let attempt = 1; attempt <= 10; attempt++) {
      const ceiling = Math.min(300, 10 * 2 ** (attempt - 1));
      const delays = Array.from({ length: 200 }, () => backoffDelay(attempt, policy));
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...delays)).toBeLessThanOrEqual(ceiling);
      expect(Math.max(...delays)).toBeGreaterThan(ceiling / 2); // 200 uniform draws: misses with p = 2^-200
    }
  });
});
