import type { CreateTableCommandInput, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { CreateTableCommand, DescribeTableCommand, waitUntilTableExists } from "@aws-sdk/client-dynamodb";
import { dynamoError } from "./dynamodb-errors.js";
import type { ResolvedTableDefinition } from "./table-definitions.js";

/** The CreateTable request of a resolved definition. */
export function createTableInput(table: ResolvedTableDefinition): CreateTableCommandInput {
  const { kind: _kind, GlobalSecondaryIndexes, KeySchema, AttributeDefinitions, ...rest } = table;
  return {
    ...rest,
    KeySchema: KeySchema.map((element) => ({ ...element })),
    AttributeDefinitions: AttributeDefinitions.map((attribute) => ({ ...attribute })),
    ...(GlobalSecondaryIndexes.length > 0
      ? {
          GlobalSecondaryIndexes: GlobalSecondaryIndexes.map((index) => ({
            ...index,
            KeySchema: index.KeySchema.map((element) => ({ ...element })),
            Projection: { ...index.Projection },
          })),
        }
      : {}),
  };
}

/**
 * Creates the tables that are missing and waits until all are ACTIVE (DYNAMO_PROVISION=auto). Idempotent, and
 * tolerant of another process creating the same table at the same time.
 */
export async function provisionTables(
  client: DynamoDBClient,
  tables: readonly ResolvedTableDefinition[],
  maxWaitSeconds = 120,
): Promise<void> {
  await Promise.all(tables.map((table) => provisionTable(client, table, maxWaitSeconds)));
}

async function provisionTable(client: DynamoDBClient, table: ResolvedTableDefinition, maxWaitSeconds: number) {
  const TableName = table.TableName;
  try {
    const described = await client.send(new DescribeTableCommand({ TableName }));
    if (described.Table?.TableStatus === "ACTIVE") return;
  } catch (error) {
    if ((error as { name?: string }).name !== "ResourceNotFoundException") {
      throw dynamoError(error, "describing the table", TableName);
    }
    try {
      await client.send(new CreateTableCommand(createTableInput(table)));
    } catch (createError) {
      // Another process created it first: fine, wait for it like for our own.
      if ((createError as { name?: string }).name !== "ResourceInUseException") {
        throw dynamoError(createError, "creating the table", TableName);
      }
    }
  }
  try {
    await waitUntilTableExists({ client, maxWaitTime: maxWaitSeconds, minDelay: 1, maxDelay: 5 }, { TableName });
  } catch (error) {
    throw dynamoError(error, `waiting for the table to become ACTIVE (${maxWaitSeconds} s)`, TableName);
  }
}
