/**
 * The DynamoDB store's settings that need no AWS SDK types. The main entry (`@scrilla/cache`) exposes only
 * these, so an app typechecks (`skipLibCheck: false`) without the optional SDK installed; the SDK-typed
 * options (`client`, the full `clientConfig`) live behind `@scrilla/cache/dynamodb`.
 */
import type { BillingConfig } from "./table-definitions.js";

export type DynamoProvision = "auto" | "never";

export interface RetryPolicy {
  /** Calls per chunk before giving up (first call included). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The SDK client settings `CACHE_MODE=dynamodb` needs, as plain data (a subset of `DynamoDBClientConfig`). */
export interface DynamoDBClientSettings {
  /** e.g. DynamoDB Local's `http://127.0.0.1:8000`; default: the region's endpoint. */
  endpoint?: string;
  region?: string;
  maxAttempts?: number;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export interface DynamoDBStoreSettings {
  /** Settings of the SDK client the store makes. */
  clientConfig?: DynamoDBClientSettings;
  /** `DYNAMO_TABLE_PREFIX`. */
  tablePrefix?: string;
  /** `DYNAMO_CONF` (raw JSON or parsed); used only when creating tables. */
  billing?: BillingConfig | string;
  /** `DYNAMO_PROVISION`: `auto` creates missing tables on first use; `never` (Lambda) only uses them. Default `never`. */
  provision?: DynamoProvision;
  /** Retries of BatchWriteItem on UnprocessedItems and throttling. */
  retry?: Partial<RetryPolicy>;
  /** BatchWriteItem calls in flight at once. Default 8. */
  writeConcurrency?: number;
  /** Items per Query page (DynamoDB's `Limit`); default: DynamoDB's 1 MB pages. */
  queryPageSize?: number;
  /**
   * The deadline of one DynamoDB request, connection included, in ms (the SDK retries it, 3 attempts in all).
   * Default 30 s. Without it an endpoint that accepts and never answers would hold the caller forever.
   */
  requestTimeoutMs?: number;
  /** Strongly consistent reads (twice the read cost). Default false: a cache tolerates eventual consistency. */
  consistentRead?: boolean;
}
