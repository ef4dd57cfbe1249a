import { type ResolvedTableDefinition, resolveTableDefinitions } from "@scrilla/cache/tables";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { stageSettings } from "../src/stage.js";
import { type Block, resources, synthDeployment } from "./support/synth.js";

const keyName = (schema: ResolvedTableDefinition["KeySchema"], type: "HASH" | "RANGE") =>
  schema.find((element) => element.KeyType === type)?.AttributeName;

/** The Terraform block a cache definition should become (keys absent from the definition stay absent). */
function expectedTable(definition: ResolvedTableDefinition): Block {
  const rangeKey = keyName(definition.KeySchema, "RANGE");
  return {
    name: definition.TableName,
    hash_key: keyName(definition.KeySchema, "HASH"),
    ...(rangeKey ? { range_key: rangeKey } : {}),
    attribute: definition.AttributeDefinitions.map((a) => ({ name: a.AttributeName, type: a.AttributeType })),
    global_secondary_index: definition.GlobalSecondaryIndexes.map((index) => {
      const indexRange = keyName(index.KeySchema, "RANGE");
      return {
        name: index.IndexName,
        hash_key: keyName(index.KeySchema, "HASH"),
        ...(indexRange ? { range_key: indexRange } : {}),
        projection_type: index.Projection.ProjectionType,
        ...(index.ProvisionedThroughput
          ? {
              read_capacity: index.ProvisionedThroughput.ReadCapacityUnits,
              write_capacity: index.ProvisionedThroughput.WriteCapacityUnits,
            }
          : {}),
      };
    }),
    billing_mode: definition.BillingMode,
    ...(definition.ProvisionedThroughput
      ? {
          read_capacity: definition.ProvisionedThroughput.ReadCapacityUnits,
          write_capacity: definition.ProvisionedThroughput.WriteCapacityUnits,
        }
      : {}),
    point_in_time_recovery: { enabled: true },
    server_side_encryption: { enabled: true },
  };
}

describe("cache tables", () => {
  const dev = stageSettings("dev");

  it("emits exactly the four tables of @scrilla/cache/tables under the stage prefix", () => {
    const { parsed } = synthDeployment("dev");
    const names = Object.values(resources(parsed, "aws_dynamodb_table")).map((table) => table.name);
    const expected = resolveTableDefinitions({ tablePrefix: dev.tablePrefix }).map((d) => d.TableName);
    expect(names.sort()).toEqual([...expected].sort());
    expect(expected).toHaveLength(4);
  });

  it("gives every table the keys, attributes, GSIs and projections of its definition, with PITR and SSE on", () => {
    const { json } = synthDeployment("dev");
    for (const definition of resolveTableDefinitions({ tablePrefix: dev.tablePrefix })) {
      const expected = expectedTable(definition);
      expect(Testing.toHaveResourceWithProperties(json, "aws_dynamodb_table", expected), definition.TableName).toBe(
        true,
      );
    }
  });

  it("bills PAY_PER_REQUEST by default, with no capacity anywhere", () => {
    const { parsed } = synthDeployment("dev");
    for (const table of Object.values(resources(parsed, "aws_dynamodb_table"))) {
      expect(table.billing_mode).toBe("PAY_PER_REQUEST");
      expect(table.read_capacity).toBeUndefined();
      const indexes = table.global_secondary_index as Block[];
      for (const index of indexes) expect(index.read_capacity).toBeUndefined();
    }
  });

  it("applies PROVISIONED billing from DYNAMO_CONF to tables and GSIs alike", () => {
    const dynamoConf =
      '{"BillingMode":"PROVISIONED","ProvisionedThroughput":{"ReadCapacityUnits":7,"WriteCapacityUnits":3}}';
    const { json, parsed } = synthDeployment("dev", { billing: dynamoConf });
    for (const definition of resolveTableDefinitions({ tablePrefix: dev.tablePrefix, billing: dynamoConf })) {
      expect(definition.BillingMode).toBe("PROVISIONED");
      expect(Testing.toHaveResourceWithProperties(json, "aws_dynamodb_table", expectedTable(definition))).toBe(true);
    }
    const indexes = Object.values(resources(parsed, "aws_dynamodb_table")).flatMap(
      (table) => table.global_secondary_index as Block[],
    );
    expect(indexes.length).toBeGreaterThan(0);
    for (const index of indexes) expect([index.read_capacity, index.write_capacity]).toEqual([7, 3]);
  });

  it("rejects a malformed DYNAMO_CONF with a CONFIG error", () => {
    expect(() => synthDeployment("dev", { billing: '{"BillingMode":"PROVISIONED"}' })).toThrow(
      expect.objectContaining({ code: "CONFIG" }),
    );
  });

  it("turns deletion protection on in prod, off in dev, and lets it be configured", () => {
    const protectionOf = (parsed: ReturnType<typeof synthDeployment>["parsed"]) =>
      Object.values(resources(parsed, "aws_dynamodb_table")).map((table) => table.deletion_protection_enabled);
    expect(protectionOf(synthDeployment("prod").parsed)).toEqual([true, true, true, true]);
    expect(protectionOf(synthDeployment("dev").parsed)).toEqual([false, false, false, false]);
    const devProtected = synthDeployment("dev", { settings: stageSettings("dev", { deletionProtection: true }) });
    expect(protectionOf(devProtected.parsed)).toEqual([true, true, true, true]);
  });
});
