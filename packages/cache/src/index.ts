export type * from "./cache-store.js";
export { type CacheMode, type CacheStoreOptions, createCacheStore } from "./create-cache-store.js";
export { mergeDateRanges } from "./date-ranges.js";
export type { DynamoDBCacheStoreOptions, DynamoProvision } from "./dynamodb/dynamodb-cache-store.js";
export { MemoryCacheStore, type MemoryCacheStoreOptions } from "./memory/memory-cache-store.js";
export { canonicalCorrelationKey } from "./record-keys.js";
export { defaultSqliteFile } from "./sqlite/default-sqlite-file.js";
export { SqliteCacheStore, type SqliteCacheStoreOptions } from "./sqlite/sqlite-cache-store.js";
export { SQLITE_SCHEMA_VERSION } from "./sqlite/sqlite-schema.js";
