import { isScrillaError } from "@scrilla/core";
import { describe, expect, it } from "vitest";
import {
  DYNAMODB_PROVISIONING_ACTIONS,
  DYNAMODB_RUNTIME_ACTIONS,
  parseDynamoConf,
  resolveTableDefinitions,
  TABLE_DEFINITIONS,
  TABLE_KINDS,
  tableName,
} from "../src/dynamodb/table-definitions.js";

const configError = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (isScrillaError(error)) return error.code;
    throw error;
  }
  return undefined;
};

describe("table definitions (DESIGN §4)", () => {
  it("defines the four tables with the documented keys", () => {
    const keys = Object.fromEntries(
      TABLE_KINDS.map((kind) => [
        kind,
        TABLE_DEFINITIONS[kind].KeySchema.map((k) => `${k.AttributeName}:${k.KeyType}`),
      ]),
    );
    expect(keys).toEqual({
      prices: ["ticker:HASH", "date:RANGE"],
      interest: ["maturity:HASH", "date:RANGE"],
      profile: ["ticker:HASH", "profile_key:RANGE"],
      correlations: ["ticker_1:HASH", "correlation_key:RANGE"],
    });
  });

  it("names the original GSIs with their projections", () => {
    const gsis = (kind: "profile" | "correlations") =>
      TABLE_DEFINITIONS[kind].GlobalSecondaryIndexes.map(
        (g) => `${g.IndexName}(${g.KeySchema.map((k) => k.AttributeName).join(",")}):${g.Projection.ProjectionType}`,
      );
    expect(gsis("profile")).toEqual([
      "DateTelescoping(weekends,end_date):KEYS_ONLY",
      "EstimationTelescoping(method):ALL",
    ]);
    expect(gsis("correlations")).toEqual([
      "AssetTelescoping(ticker_2,end_date):KEYS_ONLY",
      "WeekendTelescoping(weekends):KEYS_ONLY",
      "EstimationTelescoping(method):ALL",
    ]);
  });

  it("declares exactly the attributes used by table and index keys", () => {
    for (const kind of TABLE_KINDS) {
      const definition = TABLE_DEFINITIONS[kind];
      const keyAttributes = new Set(
        [definition.KeySchema, ...definition.GlobalSecondaryIndexes.map((g) => g.KeySchema)].flatMap((schema) =>
          schema.map((k) => k.AttributeName),
        ),
      );
      expect(new Set(definition.AttributeDefinitions.map((a) => a.AttributeName))).toEqual(keyAttributes);
    }
    expect(
      TABLE_DEFINITIONS.profile.AttributeDefinitions.find((a) => a.AttributeName === "weekends")?.AttributeType,
    ).toBe("N");
  });

  it("defaults to PAY_PER_REQUEST without throughput", () => {
    for (const table of resolveTableDefinitions()) {
      expect(table.BillingMode).toBe("PAY_PER_REQUEST");
      expect(table.ProvisionedThroughput).toBeUndefined();
      for (const gsi of table.GlobalSecondaryIndexes) expect(gsi.ProvisionedThroughput).toBeUndefined();
    }
  });

  it("applies PROVISIONED throughput to tables and GSIs, and the prefix to names", () => {
    const tables = resolveTableDefinitions({
      tablePrefix: "dev-",
      billing: '{"BillingMode":"PROVISIONED","ProvisionedThroughput":{"ReadCapacityUnits":3,"WriteCapacityUnits":7}}',
    });
    expect(tables.map((t) => t.TableName)).toEqual(["dev-prices", "dev-interest", "dev-profile", "dev-correlations"]);
    const expected = { ReadCapacityUnits: 3, WriteCapacityUnits: 7 };
    for (const table of tables) {
      expect(table.ProvisionedThroughput).toEqual(expected);
      for (const gsi of table.GlobalSecondaryIndexes) expect(gsi.ProvisionedThroughput).toEqual(expected);
    }
    expect(tables.flatMap((t) => t.GlobalSecondaryIndexes)).toHaveLength(5);
  });

  it("rejects malformed DYNAMO_CONF and prefixes with CONFIG", () => {
    expect(configError(() => parseDynamoConf("{not json"))).toBe("CONFIG");
    expect(configError(() => parseDynamoConf('{"BillingMode":"FREE"}'))).toBe("CONFIG");
    expect(configError(() => parseDynamoConf('{"BillingMode":"PROVISIONED"}'))).toBe("CONFIG");
    expect(configError(() => parseDynamoConf('{"BillingMode":"PAY_PER_REQUEST","Extra":1}'))).toBe("CONFIG");
    expect(configError(() => tableName("prices", "bad prefix"))).toBe("CONFIG");
    expect(parseDynamoConf(undefined)).toEqual({ BillingMode: "PAY_PER_REQUEST" });
  });

  it("lists item-API actions only at run time and provisioning separately", () => {
    expect(DYNAMODB_RUNTIME_ACTIONS.every((a) => a.startsWith("dynamodb:") && !a.includes("PartiQL"))).toBe(true);
    expect(DYNAMODB_RUNTIME_ACTIONS).not.toContain("dynamodb:CreateTable");
    expect(DYNAMODB_PROVISIONING_ACTIONS).toContain("dynamodb:CreateTable");
  });
});
