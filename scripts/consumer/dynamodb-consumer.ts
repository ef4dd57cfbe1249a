/**
 * With the optional AWS SDK installed: the DynamoDB adapter's SDK-typed options behind
 * `@scrilla/cache/dynamodb` typecheck too (compiled only, nothing is sent to AWS).
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBCacheStore, type DynamoDBCacheStoreOptions } from "@scrilla/cache/dynamodb";

export function openStore(endpoint: string): DynamoDBCacheStore {
  const options: DynamoDBCacheStoreOptions = {
    client: new DynamoDBClient({ endpoint, region: "us-east-1" }),
    tablePrefix: "consumer_",
    provision: "never",
  };
  return new DynamoDBCacheStore(options);
}
