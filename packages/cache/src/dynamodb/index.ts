export { BATCH_WRITE_LIMIT, DEFAULT_RETRY_POLICY, type RetryPolicy } from "./batch-write.js";
export { DynamoDBCacheStore, type DynamoDBCacheStoreOptions, type DynamoProvision } from "./dynamodb-cache-store.js";
export type { DynamoDBClientSettings, DynamoDBStoreSettings } from "./dynamodb-store-settings.js";
export { createTableInput, provisionTables } from "./provision-tables.js";
export * from "./table-definitions.js";
