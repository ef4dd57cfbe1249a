import { describe } from "vitest";
import { describeDynamoDBSuite } from "./support/dynamodb-suite.js";

// Needs a container runtime and DYNAMODB_LOCAL_IMAGE: `.ci/prepare-dynamodb.sh` provides both (CI sources it).
// Without them this file FAILS, saying why; it never passes silently.
describe("DynamoDB Local through Testcontainers", () => {
  describeDynamoDBSuite("container");
});
