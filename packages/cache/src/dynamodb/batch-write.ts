import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { ScrillaError } from "@scrilla/core/errors";
import { dynamoError, isTransientDynamoError } from "./dynamodb-errors.js";
import type { RetryPolicy } from "./dynamodb-store-settings.js";

/** BatchWriteItem accepts at most 25 requests per call. */
export const BATCH_WRITE_LIMIT = 25;

export type WriteRequest =
  | { PutRequest: { Item: Record<string, unknown> } }
  | { DeleteRequest: { Key: Record<string, unknown> } };

export type { RetryPolicy };

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 25, maxDelayMs: 2_000 };

export interface BatchWriteOptions {
  retry: RetryPolicy;
  /** Chunks in flight at once. */
  concurrency: number;
}

/**
 * Writes `requests` in chunks of 25, several chunks at a time. `UnprocessedItems` and throttling errors are
 * retried with capped exponential backoff and full jitter; after `maxAttempts` calls the chunk fails loudly.
 */
export async function batchWrite(
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly WriteRequest[],
  options: BatchWriteOptions,
): Promise<void> {
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += BATCH_WRITE_LIMIT) chunks.push(requests.slice(i, i + BATCH_WRITE_LIMIT));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      await writeChunk(client, tableName, chunk, options.retry);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, chunks.length) }, worker));
}

async function writeChunk(
  client: DynamoDBDocumentClient,
  tableName: string,
  chunk: WriteRequest[],
  retry: RetryPolicy,
): Promise<void> {
  let pending = chunk;
  for (let attempt = 1; ; attempt++) {
    try {
      const output = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (output.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
      if (pending.length === 0) return;
    } catch (error) {
      if (!isTransientDynamoError(error)) throw dynamoError(error, `writing ${pending.length} items`, tableName);
      if (attempt >= retry.maxAttempts) {
        throw dynamoError(
          error,
          `writing ${pending.length} items (still throttled after ${attempt} attempts)`,
          tableName,
        );
      }
    }
    if (attempt >= retry.maxAttempts) {
      throw new ScrillaError(
        "CACHE_ERROR",
        `DynamoDB cache: ${pending.length} items of ${tableName} stayed unprocessed after ${attempt} attempts. DynamoDB is over capacity: retry later or raise the table's capacity (DYNAMO_CONF).`,
        { table: tableName, unprocessed: pending.length },
      );
    }
    await sleep(backoffDelay(attempt, retry));
  }
}

/** Full jitter: uniform in [0, min(max, base * 2^(attempt-1))]. */
export const backoffDelay = (attempt: number, retry: RetryPolicy): number =>
  Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
