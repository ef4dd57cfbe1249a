export { type CacheFingerprint, cacheFingerprint, priceRowsOf } from "./sqlite-fingerprint.js";
export {
  DEFAULT_DYNAMODB_LOCAL_IMAGE,
  DEFAULT_START_TIMEOUT_MS,
  type DynamoDBLocal,
  type DynamoDBLocalBackend,
  dynamoDBLocalClientConfig,
  type StartDynamoDBLocalOptions,
  startDynamoDBLocal,
} from "./start-dynamodb-local.js";
