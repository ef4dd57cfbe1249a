import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table/index.js";
import {
  type BillingConfig,
  type ResolvedTableDefinition,
  resolveTableDefinitions,
  type TableKind,
} from "@scrilla/cache/tables";
import { ScrillaError } from "@scrilla/core";
import { Construct } from "constructs";

export interface CacheTablesProps {
  /** `DYNAMO_TABLE_PREFIX`. */
  readonly tablePrefix: string;
  /** Parsed billing or the raw `DYNAMO_CONF` JSON; default PAY_PER_REQUEST. */
  readonly billing?: BillingConfig | string;
  readonly deletionProtection: boolean;
}

/** The four cache tables, generated from `@scrilla/cache/tables` (never retyped here). */
export class CacheTables extends Construct {
  readonly tables: readonly DynamodbTable[];
  readonly definitions: readonly ResolvedTableDefinition[];

  constructor(scope: Construct, id: string, props: CacheTablesProps) {
    super(scope, id);
    this.definitions = resolveTableDefinitions({
      tablePrefix: props.tablePrefix,
      ...(props.billing === undefined ? {} : { billing: props.billing }),
    });
    this.tables = this.definitions.map((definition) => tableFrom(this, definition, props.deletionProtection));
  }

  /** The four table ARNs alone: what the Lambda functions need, since the cache adapter queries no index. */
  get tableArns(): string[] {
    return this.tables.map((table) => table.arn);
  }

  /** The ARN of one table, by kind: what a function's role names for each table its command uses. */
  get arnByKind(): ReadonlyMap<TableKind, string> {
    return new Map(this.tables.map((table, position) => [this.definitions[position]!.kind, table.arn]));
  }

  /** Every table ARN, plus `<arn>/index/*` for tables with GSIs (a Query on an index is authorised there). */
  get accessArns(): string[] {
    return this.tables.flatMap((table, position) =>
      (this.definitions[position]?.GlobalSecondaryIndexes.length ?? 0) > 0
        ? [table.arn, `${table.arn}/index/*`]
        : [table.arn],
    );
  }
}

type KeySchema = ResolvedTableDefinition["KeySchema"];

const keyOf = (schema: KeySchema, type: "HASH" | "RANGE") =>
  schema.find((element) => element.KeyType === type)?.AttributeName;

function hashKeyOf(schema: KeySchema, where: string): string {
  const name = keyOf(schema, "HASH");
  if (name === undefined) {
    throw new ScrillaError(
      "CONFIG",
      `${where} has no HASH key in @scrilla/cache/tables; fix the table definition there.`,
    );
  }
  return name;
}

function tableFrom(scope: Construct, definition: ResolvedTableDefinition, deletionProtection: boolean) {
  const throughput = definition.ProvisionedThroughput;
  return new DynamodbTable(scope, definition.kind, {
    name: definition.TableName,
    hashKey: hashKeyOf(definition.KeySchema, `Table ${definition.TableName}`),
    rangeKey: keyOf(definition.KeySchema, "RANGE"),
    attribute: definition.AttributeDefinitions.map((attribute) => ({
      name: attribute.AttributeName,
      type: attribute.AttributeType,
    })),
    globalSecondaryIndex: definition.GlobalSecondaryIndexes.map((index) => ({
      name: index.IndexName,
      hashKey: hashKeyOf(index.KeySchema, `Index ${index.IndexName} of ${definition.TableName}`),
      rangeKey: keyOf(index.KeySchema, "RANGE"),
      projectionType: index.Projection.ProjectionType,
      readCapacity: index.ProvisionedThroughput?.ReadCapacityUnits,
      writeCapacity: index.ProvisionedThroughput?.WriteCapacityUnits,
    })),
    billingMode: definition.BillingMode,
    readCapacity: throughput?.ReadCapacityUnits,
    writeCapacity: throughput?.WriteCapacityUnits,
    pointInTimeRecovery: { enabled: true },
    serverSideEncryption: { enabled: true },
    deletionProtectionEnabled: deletionProtection,
  });
}
