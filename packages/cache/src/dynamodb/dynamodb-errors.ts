import { isScrillaError, ScrillaError } from "@scrilla/core/errors";

/** Errors DynamoDB raises when it is briefly over capacity; worth retrying with backoff. */
const TRANSIENT = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "InternalServerError",
  "ServiceUnavailable",
]);

export function isTransientDynamoError(error: unknown): boolean {
  const candidate = error as { name?: string; $retryable?: { throttling?: boolean } } | null;
  return Boolean(candidate && (TRANSIENT.has(candidate.name ?? "") || candidate.$retryable?.throttling));
}

/** Wraps an AWS SDK failure in a CACHE_ERROR that says what to do (never returned as a value, D-53). */
export function dynamoError(error: unknown, doing: string, tableName?: string): ScrillaError {
  if (isScrillaError(error)) return error;
  const name = (error as { name?: string } | null)?.name ?? "Error";
  const reason = error instanceof Error ? error.message : String(error);
  const advice =
    name === "ResourceNotFoundException"
      ? `Table ${tableName ?? "(unknown)"} does not exist: deploy the tables (infra) or set DYNAMO_PROVISION=auto to create them, and check DYNAMO_TABLE_PREFIX.`
      : name === "AccessDeniedException" || name === "UnrecognizedClientException"
        ? "Check the AWS credentials and that their policy allows this action on the scrilla tables."
        : name === "CredentialsProviderError"
          ? "No AWS credentials were found: configure them (environment, profile or role) or use CACHE_MODE=sqlite."
          : name === "TimeoutError"
            ? "DynamoDB did not answer in time: check the endpoint (DYNAMODB_ENDPOINT) and the network, or raise DYNAMODB_TIMEOUT_MS."
            : isTransientDynamoError(error)
              ? "DynamoDB is over capacity: retry later or raise the table's capacity (DYNAMO_CONF)."
              : "Check the DynamoDB endpoint, region and tables.";
  return new ScrillaError(
    "CACHE_ERROR",
    `DynamoDB cache: ${doing} failed (${name}: ${reason}). ${advice}`,
    { awsError: name, ...(tableName ? { table: tableName } : {}) },
    { cause: error },
  );
}
