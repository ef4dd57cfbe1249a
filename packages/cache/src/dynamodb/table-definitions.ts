/**
 * The four DynamoDB tables of DESIGN §4 as plain data — the single source of truth for CreateTable at run
 * time, the Terraform emitted by `infra`, and the IAM policy. No AWS SDK import here on purpose: `infra`
 * imports this module alone. Field names follow the DynamoDB API (PascalCase) so they map one to one.
 */
import { ScrillaError } from "@scrilla/core/errors";

export type TableKind = "prices" | "interest" | "profile" | "correlations";

/** In the order tables are created and dropped. */
export const TABLE_KINDS: readonly TableKind[] = ["prices", "interest", "profile", "correlations"];

export type ScalarAttributeType = "S" | "N";

export interface AttributeDefinition {
  readonly AttributeName: string;
  readonly AttributeType: ScalarAttributeType;
}

export interface KeySchemaElement {
  readonly AttributeName: string;
  readonly KeyType: "HASH" | "RANGE";
}

export interface Projection {
  readonly ProjectionType: "KEYS_ONLY" | "ALL";
}

export interface ProvisionedThroughput {
  readonly ReadCapacityUnits: number;
  readonly WriteCapacityUnits: number;
}

export interface GlobalSecondaryIndexDefinition {
  readonly IndexName: string;
  readonly KeySchema: readonly KeySchemaElement[];
  readonly Projection: Projection;
}

/** A table as DESIGN §4 defines it, under its default (unprefixed) name, without billing. */
export interface TableDefinition {
  readonly kind: TableKind;
  readonly TableName: string;
  readonly KeySchema: readonly KeySchemaElement[];
  /** Exactly the attributes used by the table key and the GSI keys (DynamoDB rejects any other). */
  readonly AttributeDefinitions: readonly AttributeDefinition[];
  readonly GlobalSecondaryIndexes: readonly GlobalSecondaryIndexDefinition[];
}

export type BillingConfig =
  | { readonly BillingMode: "PAY_PER_REQUEST" }
  | { readonly BillingMode: "PROVISIONED"; readonly ProvisionedThroughput: ProvisionedThroughput };

export interface ResolvedGlobalSecondaryIndex extends GlobalSecondaryIndexDefinition {
  readonly ProvisionedThroughput?: ProvisionedThroughput;
}

/** A table ready for CreateTable / Terraform: prefixed name, billing applied to the table and its GSIs. */
export interface ResolvedTableDefinition {
  readonly kind: TableKind;
  readonly TableName: string;
  readonly KeySchema: readonly KeySchemaElement[];
  readonly AttributeDefinitions: readonly AttributeDefinition[];
  readonly GlobalSecondaryIndexes: readonly ResolvedGlobalSecondaryIndex[];
  readonly BillingMode: BillingConfig["BillingMode"];
  readonly ProvisionedThroughput?: ProvisionedThroughput;
}

const hash = (AttributeName: string): KeySchemaElement => ({ AttributeName, KeyType: "HASH" });
const range = (AttributeName: string): KeySchemaElement => ({ AttributeName, KeyType: "RANGE" });
const string = (AttributeName: string): AttributeDefinition => ({ AttributeName, AttributeType: "S" });
const number = (AttributeName: string): AttributeDefinition => ({ AttributeName, AttributeType: "N" });

export const TABLE_DEFINITIONS: Readonly<Record<TableKind, TableDefinition>> = {
  prices: {
    kind: "prices",
    TableName: "prices",
    KeySchema: [hash("ticker"), range("date")],
    AttributeDefinitions: [string("ticker"), string("date")],
    GlobalSecondaryIndexes: [],
  },
  interest: {
    kind: "interest",
    TableName: "interest",
    KeySchema: [hash("maturity"), range("date")],
    AttributeDefinitions: [string("maturity"), string("date")],
    GlobalSecondaryIndexes: [],
  },
  profile: {
    kind: "profile",
    TableName: "profile",
    // profile_key = start_date#end_date#method#weekends makes the key unique (D-42).
    KeySchema: [hash("ticker"), range("profile_key")],
    AttributeDefinitions: [
      string("ticker"),
      string("profile_key"),
      number("weekends"),
      string("end_date"),
      string("method"),
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: "DateTelescoping",
        KeySchema: [hash("weekends"), range("end_date")],
        Projection: { ProjectionType: "KEYS_ONLY" },
      },
      { IndexName: "EstimationTelescoping", KeySchema: [hash("method")], Projection: { ProjectionType: "ALL" } },
    ],
  },
  correlations: {
    kind: "correlations",
    TableName: "correlations",
    // correlation_key = start_date#end_date#ticker_2#method#weekends, with ticker_1 < ticker_2 (D-46).
    KeySchema: [hash("ticker_1"), range("correlation_key")],
    AttributeDefinitions: [
      string("ticker_1"),
      string("correlation_key"),
      string("ticker_2"),
      string("end_date"),
      number("weekends"),
      string("method"),
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: "AssetTelescoping",
        KeySchema: [hash("ticker_2"), range("end_date")],
        Projection: { ProjectionType: "KEYS_ONLY" },
      },
      { IndexName: "WeekendTelescoping", KeySchema: [hash("weekends")], Projection: { ProjectionType: "KEYS_ONLY" } },
      { IndexName: "EstimationTelescoping", KeySchema: [hash("method")], Projection: { ProjectionType: "ALL" } },
    ],
  },
};

/** DynamoDB actions the adapter calls at run time (the Lambda role needs exactly these). */
export const DYNAMODB_RUNTIME_ACTIONS: readonly string[] = [
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:Query",
  "dynamodb:BatchWriteItem",
  // The fetch lease is given back by a DeleteItem conditional on its owner token (DYNAMODB_LEASE_ACTIONS).
  "dynamodb:DeleteItem",
  // clear() deletes every item by Scan + BatchWriteItem so it works without DeleteTable/CreateTable.
  "dynamodb:Scan",
];

/**
 * What the Lambda functions' code path calls: the runtime actions without Scan, which only `clear-cache` uses
 * and Lambda never runs (with BatchWriteItem it would let a compromised function empty the tables).
 */
export const DYNAMODB_LAMBDA_ACTIONS: readonly string[] = DYNAMODB_RUNTIME_ACTIONS.filter(
  (action) => action !== "dynamodb:Scan",
);

/**
 * What the fetch lease (single flight across Lambda containers, dynamodb-fetch-lease.ts) uses on the prices and
 * interest tables: a conditional PutItem to take it, a conditional DeleteItem to give it back. Lambda needs both.
 */
export const DYNAMODB_LEASE_ACTIONS: readonly string[] = ["dynamodb:PutItem", "dynamodb:DeleteItem"];

/** Extra actions used only with `DYNAMO_PROVISION=auto` (create missing tables, wait for ACTIVE). */
export const DYNAMODB_PROVISIONING_ACTIONS: readonly string[] = ["dynamodb:DescribeTable", "dynamodb:CreateTable"];

export const DEFAULT_BILLING: BillingConfig = { BillingMode: "PAY_PER_REQUEST" };

const TABLE_NAME_PATTERN = /^[A-Za-z0-9_.-]*$/;

/** The table's name with `DYNAMO_TABLE_PREFIX` prepended. */
export function tableName(kind: TableKind, tablePrefix = ""): string {
  if (!TABLE_NAME_PATTERN.test(tablePrefix)) {
    throw new ScrillaError(
      "CONFIG",
      `DYNAMO_TABLE_PREFIX "${tablePrefix}" has characters DynamoDB does not allow in table names; use only letters, digits, "_", "-" and ".".`,
    );
  }
  return `${tablePrefix}${TABLE_DEFINITIONS[kind].TableName}`;
}

/** Parses `DYNAMO_CONF` (JSON); unset or blank means PAY_PER_REQUEST. */
export function parseDynamoConf(raw: string | undefined): BillingConfig {
  if (raw === undefined || raw.trim() === "") return DEFAULT_BILLING;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (cause) {
    throw new ScrillaError(
      "CONFIG",
      `DYNAMO_CONF is not valid JSON; set it to e.g. {"BillingMode":"PAY_PER_REQUEST"} or unset it.`,
      { value: raw },
      { cause },
    );
  }
  return validateBilling(parsed);
}

function validateBilling(value: unknown): BillingConfig {
  const help =
    'DYNAMO_CONF must be {"BillingMode":"PAY_PER_REQUEST"} or {"BillingMode":"PROVISIONED","ProvisionedThroughput":{"ReadCapacityUnits":<n>,"WriteCapacityUnits":<n>}}';
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ScrillaError("CONFIG", `${help}; got ${JSON.stringify(value)}.`);
  }
  const record = value as Record<string, unknown>;
  const unknownKeys = Object.keys(record).filter((key) => key !== "BillingMode" && key !== "ProvisionedThroughput");
  if (unknownKeys.length > 0) {
    throw new ScrillaError("CONFIG", `${help}; unknown key(s): ${unknownKeys.join(", ")}.`);
  }
  const mode = record.BillingMode ?? "PAY_PER_REQUEST";
  if (mode === "PAY_PER_REQUEST") {
    if (record.ProvisionedThroughput !== undefined) {
      throw new ScrillaError("CONFIG", `${help}; ProvisionedThroughput is only allowed with PROVISIONED.`);
    }
    return DEFAULT_BILLING;
  }
  if (mode !== "PROVISIONED") throw new ScrillaError("CONFIG", `${help}; unknown BillingMode ${JSON.stringify(mode)}.`);
  const throughput = record.ProvisionedThroughput as Record<string, unknown> | undefined;
  const read = throughput?.ReadCapacityUnits;
  const write = throughput?.WriteCapacityUnits;
  if (!isPositiveInteger(read) || !isPositiveInteger(write)) {
    throw new ScrillaError("CONFIG", `${help}; capacity units must be positive integers.`);
  }
  return { BillingMode: "PROVISIONED", ProvisionedThroughput: { ReadCapacityUnits: read, WriteCapacityUnits: write } };
}

const isPositiveInteger = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value > 0;

export interface TableSettings {
  /** `DYNAMO_TABLE_PREFIX`, prepended to every table name. */
  tablePrefix?: string;
  /** Parsed billing, or the raw `DYNAMO_CONF` JSON string. Default PAY_PER_REQUEST. */
  billing?: BillingConfig | string;
}

/** The four tables with prefix and billing applied (ProvisionedThroughput on tables and GSIs alike). */
export function resolveTableDefinitions(settings: TableSettings = {}): ResolvedTableDefinition[] {
  const billing = typeof settings.billing === "string" ? parseDynamoConf(settings.billing) : settings.billing;
  return TABLE_KINDS.map((kind) => resolveTableDefinition(kind, settings.tablePrefix, billing ?? DEFAULT_BILLING));
}

function resolveTableDefinition(kind: TableKind, tablePrefix: string | undefined, billing: BillingConfig) {
  const definition = TABLE_DEFINITIONS[kind];
  const throughput = billing.BillingMode === "PROVISIONED" ? { ...billing.ProvisionedThroughput } : undefined;
  const resolved: ResolvedTableDefinition = {
    kind,
    TableName: tableName(kind, tablePrefix),
    KeySchema: definition.KeySchema.map((element) => ({ ...element })),
    AttributeDefinitions: definition.AttributeDefinitions.map((attribute) => ({ ...attribute })),
    GlobalSecondaryIndexes: definition.GlobalSecondaryIndexes.map((index) => ({
      IndexName: index.IndexName,
      KeySchema: index.KeySchema.map((element) => ({ ...element })),
      Projection: { ...index.Projection },
      ...(throughput ? { ProvisionedThroughput: { ...throughput } } : {}),
    })),
    BillingMode: billing.BillingMode,
    ...(throughput ? { ProvisionedThroughput: throughput } : {}),
  };
  return resolved;
}
