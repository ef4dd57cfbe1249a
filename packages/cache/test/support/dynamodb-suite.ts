/**
 * The DynamoDB runs of the contract, against DynamoDB Local started by the fixture with a forced backend,
 * plus the check that tables created at run time equal the exported definitions.
 */
import { DescribeTableCommand, DynamoDBClient, type TableDescription } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DynamoDBCacheStore,
  type DynamoDBCacheStoreOptions,
  type ResolvedTableDefinition,
  resolveTableDefinitions,
} from "../../src/dynamodb/index.js";
import {
  type DynamoDBLocal,
  type DynamoDBLocalBackend,
  dynamoDBLocalClientConfig,
  startDynamoDBLocal,
} from "../../src/testing/index.js";
import { describeCacheStoreContract } from "./cache-store-contract.js";

export interface DynamoDBTestContext {
  local: DynamoDBLocal;
  client: DynamoDBClient;
  /** A store on fresh tables (a new prefix each call), created with DYNAMO_PROVISION=auto. */
  openStore(options?: DynamoDBCacheStoreOptions): Promise<DynamoDBCacheStore>;
}

let prefixes = 0;

/** Starts DynamoDB Local with `backend` for the file; the returned context is filled in beforeAll. */
export function useDynamoDBLocal(backend: DynamoDBLocalBackend): DynamoDBTestContext {
  const context = {} as DynamoDBTestContext;
  beforeAll(async () => {
    context.local = await startDynamoDBLocal({ backend });
    context.client = new DynamoDBClient(dynamoDBLocalClientConfig(context.local.endpoint));
    context.openStore = async (options = {}) => {
      const store = new DynamoDBCacheStore({
        client: context.client,
        tablePrefix: `${backend}${++prefixes}_`,
        provision: "auto",
        queryPageSize: 1000, // 10,000 rows then take ten pages: pagination is exercised
        ...options,
      });
      await store.ready();
      return store;
    };
  }, 600_000); // DynamoDB Local's start-up budget (DEFAULT_START_TIMEOUT_MS) plus room
  afterAll(async () => {
    context.client?.destroy();
    await context.local?.stop();
  }, 300_000);
  return context;
}

export function describeDynamoDBSuite(backend: DynamoDBLocalBackend): DynamoDBTestContext {
  const context = useDynamoDBLocal(backend);
  it(`runs on DynamoDB Local through the ${backend} backend`, () => {
    expect(context.local.backend).toBe(backend);
    expect(context.local.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
  describeCacheStoreContract(`dynamodb (${backend})`, () => context.openStore());

  describe("tables created at run time", () => {
    const billings = [
      { name: "PAY_PER_REQUEST", billing: undefined },
      {
        name: "PROVISIONED",
        billing: '{"BillingMode":"PROVISIONED","ProvisionedThroughput":{"ReadCapacityUnits":4,"WriteCapacityUnits":2}}',
      },
    ];
    for (const { name, billing } of billings) {
      it(`equal the exported definitions (DescribeTable, ${name})`, async () => {
        const tablePrefix = `describe${++prefixes}-`;
        const store = await context.openStore({ tablePrefix, ...(billing ? { billing } : {}) });
        const expected = resolveTableDefinitions({ tablePrefix, ...(billing ? { billing } : {}) });
        for (const table of expected) {
          const described = await context.client.send(new DescribeTableCommand({ TableName: table.TableName }));
          expect(described.Table?.TableStatus).toBe("ACTIVE");
          expect(normaliseDescription(described.Table!)).toEqual(normaliseDefinition(table));
        }
        await store.close();
      });
    }
  });
  return context;
}

const byName = <T extends { AttributeName?: string; IndexName?: string }>(list: T[]) =>
  list.sort((a, b) => ((a.AttributeName ?? a.IndexName ?? "") < (b.AttributeName ?? b.IndexName ?? "") ? -1 : 1));

function normaliseDefinition(table: ResolvedTableDefinition) {
  const throughput = (t?: { ReadCapacityUnits: number; WriteCapacityUnits: number }) =>
    t ? { read: t.ReadCapacityUnits, write: t.WriteCapacityUnits } : null;
  return {
    name: table.TableName,
    keys: table.KeySchema.map((k) => ({ ...k })),
    attributes: byName(table.AttributeDefinitions.map((a) => ({ ...a }))),
    throughput: throughput(table.ProvisionedThroughput),
    indexes: byName(
      table.GlobalSecondaryIndexes.map((g) => ({
        IndexName: g.IndexName,
        keys: g.KeySchema.map((k) => ({ ...k })),
        projection: g.Projection.ProjectionType,
        throughput: throughput(g.ProvisionedThroughput),
      })),
    ),
  };
}

function normaliseDescription(table: TableDescription) {
  // DynamoDB reports 0/0 throughput for on-demand tables; the definitions leave it out.
  const throughput = (t?: { ReadCapacityUnits?: number; WriteCapacityUnits?: number }) =>
    t?.ReadCapacityUnits ? { read: t.ReadCapacityUnits, write: t.WriteCapacityUnits } : null;
  return {
    name: table.TableName,
    keys: (table.KeySchema ?? []).map((k) => ({ AttributeName: k.AttributeName, KeyType: k.KeyType })),
    attributes: byName(
      (table.AttributeDefinitions ?? []).map((a) => ({
        AttributeName: a.AttributeName,
        AttributeType: a.AttributeType,
      })),
    ),
    throughput: throughput(table.ProvisionedThroughput),
    indexes: byName(
      (table.GlobalSecondaryIndexes ?? []).map((g) => ({
        IndexName: g.IndexName,
        keys: (g.KeySchema ?? []).map((k) => ({ AttributeName: k.AttributeName, KeyType: k.KeyType })),
        projection: g.Projection?.ProjectionType,
        throughput: throughput(g.ProvisionedThroughput),
      })),
    ),
  };
}
