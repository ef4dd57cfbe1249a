import { CreateTableCommand, DynamoDBClient, waitUntilTableExists } from "@aws-sdk/client-dynamodb";
import { resolveTableDefinitions } from "@scrilla/cache/tables";

/**
 * Creates the four tables from the same definitions infra deploys: the handler runs with
 * DYNAMO_PROVISION=never, so the test plays the part of `terraform apply`.
 */
export async function createTables(endpoint: string, tablePrefix: string): Promise<string[]> {
  const client = new DynamoDBClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  try {
    const tables = resolveTableDefinitions({ tablePrefix });
    for (const table of tables) {
      const { kind: _kind, ...definition } = table;
      await client.send(
        new CreateTableCommand({
          ...definition,
          KeySchema: [...definition.KeySchema],
          AttributeDefinitions: [...definition.AttributeDefinitions],
          GlobalSecondaryIndexes:
            definition.GlobalSecondaryIndexes.length > 0
              ? definition.GlobalSecondaryIndexes.map((index) => ({ ...index, KeySchema: [...index.KeySchema] }))
              : undefined,
        }),
      );
    }
    for (const table of tables) {
      await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: table.TableName });
    }
    return tables.map((table) => table.TableName);
  } finally {
    client.destroy();
  }
}
