import {
  DYNAMODB_LAMBDA_ACTIONS,
  DYNAMODB_PROVISIONING_ACTIONS,
  DYNAMODB_RUNTIME_ACTIONS,
} from "@scrilla/cache/tables";
import { describe, expect, it } from "vitest";
import { SCRILLA_FUNCTIONS } from "../src/function-catalog.js";
import { dynamoGrants, functionAccess, type Statement, statementsOf, tableKindOf } from "./support/iam.js";
import { type Block, dataSources, reference, resources, synthDeployment, type TerraformJson } from "./support/synth.js";

/** ARN references of the four tables, and `/index/*` for exactly those whose definition has GSIs. */
function expectedTableResources(parsed: TerraformJson): string[] {
  const tables = resources(parsed, "aws_dynamodb_table");
  return Object.entries(tables).flatMap(([id, table]) => {
    const arn = reference("aws_dynamodb_table", id, "arn");
    const hasIndexes = (table.global_secondary_index as Block[]).length > 0;
    return hasIndexes ? [arn, `${arn}/index/*`] : [arn];
  });
}

const dynamoActions = (statements: Statement[]) =>
  statements.flatMap((s) => s.actions ?? []).filter((action) => action.startsWith("dynamodb:"));

/** `{ prices: [actions], … }`: a function's DynamoDB grants by table name. */
const grantsByTable = (parsed: TerraformJson, statements: Statement[]) =>
  Object.fromEntries(
    Object.entries(dynamoGrants(statements)).map(([arn, actions]) => [
      tableKindOf(parsed, arn, "scrilla-dev-"),
      actions,
    ]),
  );

const READ_FETCH = ["dynamodb:BatchWriteItem", "dynamodb:PutItem", "dynamodb:Query"];
/** Reading and fetching plus the fetch lease's release (DeleteItem; its conditional put is PutItem). */
const READ_FETCH_LEASE = [...READ_FETCH, "dynamodb:DeleteItem"].sort();

describe("Lambda execution roles: one per function, least privilege", () => {
  const { parsed } = synthDeployment("dev");
  const access = functionAccess(parsed);
  const all = [...access.values()];

  it("gives every function its own role, named after it, that only Lambda can assume", () => {
    expect([...access.keys()].sort()).toEqual(SCRILLA_FUNCTIONS.map((spec) => spec.command).sort());
    expect(new Set(all.map((a) => a.roleId)).size).toBe(SCRILLA_FUNCTIONS.length);
    expect(Object.keys(resources(parsed, "aws_iam_role"))).toHaveLength(SCRILLA_FUNCTIONS.length);
    for (const [command, { role }] of access) {
      expect(role.name).toBe(`scrilla-dev-lambda-${command}`);
      const trust = dataSources(parsed, "aws_iam_policy_document")[
        /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/.exec(role.assume_role_policy as string)?.[1] ?? ""
      ];
      expect(trust?.statement).toEqual([
        {
          actions: ["sts:AssumeRole"],
          effect: "Allow",
          principals: [{ identifiers: ["lambda.amazonaws.com"], type: "Service" }],
        },
      ]);
    }
  });

  it("attaches exactly one managed policy per role, its own, and no inline policy", () => {
    for (const [command, { policies }] of access) {
      expect(policies.map((p) => p.name)).toEqual([`scrilla-dev-lambda-${command}-runtime`]);
    }
    expect(Object.keys(resources(parsed, "aws_iam_role_policy_attachment"))).toHaveLength(SCRILLA_FUNCTIONS.length);
    expect(Object.keys(resources(parsed, "aws_iam_role_policy"))).toHaveLength(0);
  });

  it("uses no wildcard action, no bare * resource, no Not* element, no Scan and no /index/*", () => {
    for (const { policies } of all) {
      for (const statement of policies.flatMap((p) => p.statements)) {
        expect(statement.effect).toBe("Allow");
        for (const action of statement.actions ?? []) expect(action).not.toContain("*");
        expect(statement.actions).not.toContain("dynamodb:Scan");
        // The only wildcard left is the log-stream suffix <log-group-arn>:*.
        for (const resource of statement.resources ?? []) {
          expect(resource).not.toBe("*");
          expect(resource).not.toContain("/index/");
          if (resource.includes("*")) expect(resource).toMatch(/^\$\{aws_cloudwatch_log_group\.[^.]+\.arn\}:\*$/);
        }
        expect(statement.not_actions).toBeUndefined();
        expect(statement.not_resources).toBeUndefined();
      }
    }
  });

  it("grants only DynamoDB actions of the Lambda code path plus the fetch lease, one statement per table", () => {
    const allowed = new Set(DYNAMODB_LAMBDA_ACTIONS);
    for (const { policies } of all) {
      const statements = policies.flatMap((p) => p.statements);
      for (const action of dynamoActions(statements)) expect(allowed).toContain(action);
      for (const statement of statements.filter((s) => dynamoActions([s]).length > 0)) {
        expect(statement.resources).toHaveLength(1);
      }
    }
  });

  it("prices: only the prices table, read, fetch and lease (conditional put, delete to release)", () => {
    const statements = access.get("prices")?.policies[0]?.statements ?? [];
    expect(grantsByTable(parsed, statements)).toEqual({ prices: READ_FETCH_LEASE });
  });

  it("yield-curve: only the interest table, and no AlphaVantage key (the Treasury needs none)", () => {
    const statements = access.get("yield-curve")?.policies[0]?.statements ?? [];
    expect(grantsByTable(parsed, statements)).toEqual({ interest: READ_FETCH_LEASE });
    expect(statements.flatMap((s) => s.actions ?? []).filter((a) => a.startsWith("ssm:"))).toEqual([]);
  });

  it("dividends: no table at all (dividends are not cached), but the key", () => {
    const statements = access.get("dividends")?.policies[0]?.statements ?? [];
    expect(dynamoActions(statements)).toEqual([]);
    expect(statements.flatMap((s) => s.actions ?? []).filter((a) => a.startsWith("ssm:"))).toEqual([
      "ssm:GetParameter",
    ]);
  });

  it("optimisers: prices plus profile rows (read and merge), nothing on correlations", () => {
    for (const command of ["efficient-frontier", "optimize-cvar", "hrp", "black-litterman"]) {
      const statements = access.get(command)?.policies[0]?.statements ?? [];
      expect(grantsByTable(parsed, statements), command).toEqual({
        prices: READ_FETCH_LEASE,
        profile: ["dynamodb:GetItem", "dynamodb:UpdateItem"],
      });
    }
  });

  it("writes logs only to the function's own log group", () => {
    const groups = resources(parsed, "aws_cloudwatch_log_group");
    for (const [command, { function: fn, policies }] of access) {
      const logs = policies
        .flatMap((p) => p.statements)
        .filter((s) => (s.actions ?? []).some((a) => a.startsWith("logs:")));
      expect(logs).toHaveLength(1);
      expect(logs[0]?.actions?.sort()).toEqual(["logs:CreateLogStream", "logs:PutLogEvents"]);
      const groupId = Object.keys(groups).find((id) => groups[id]?.name === `/aws/lambda/${fn.function_name}`);
      expect(logs[0]?.resources, command).toEqual([`${reference("aws_cloudwatch_log_group", groupId ?? "", "arn")}:*`]);
    }
  });

  it("reads the one AlphaVantage key parameter exactly where the function is told its name", () => {
    for (const [command, { function: fn, policies }] of access) {
      const variables = (fn.environment as Block).variables as Record<string, string>;
      const ssm = policies
        .flatMap((p) => p.statements)
        .filter((s) => (s.actions ?? []).some((a) => a.startsWith("ssm:")));
      if (variables.ALPHA_VANTAGE_KEY_PARAMETER === undefined) {
        expect(ssm, command).toEqual([]);
        continue;
      }
      expect(ssm).toHaveLength(1);
      expect(ssm[0]?.actions).toEqual(["ssm:GetParameter"]);
      expect(ssm[0]?.resources).toHaveLength(1);
      expect(ssm[0]?.resources?.[0]).toMatch(
        /^arn:\$\{data\.aws_partition\.[^}]+\}:ssm:\$\{data\.aws_region\.[^}]+\}:/,
      );
      expect(ssm[0]?.resources?.[0]).toMatch(/:parameter\/scrilla\/dev\/alpha-vantage-key$/);
    }
  });

  it("grants nothing beyond DynamoDB, logs and SSM by default (the aws/ssm key needs no kms grant)", () => {
    for (const { policies } of all) {
      const services = new Set(
        policies
          .flatMap((p) => p.statements)
          .flatMap((s) => s.actions ?? [])
          .map((a) => a.split(":")[0]),
      );
      for (const service of services) expect(["dynamodb", "logs", "ssm"]).toContain(service);
    }
  });

  it("adds kms:Decrypt through SSM only for a customer managed key, and only where the key is read", () => {
    const keyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const withKey = functionAccess(synthDeployment("dev", { alphaVantageKeyKmsKeyArn: keyArn }).parsed);
    for (const [command, { function: fn, policies }] of withKey) {
      const statements = policies.flatMap((p) => p.statements);
      const kms = statements.filter((s) => (s.actions ?? []).some((a) => a.startsWith("kms:")));
      const readsKey = ((fn.environment as Block).variables as Record<string, string>).ALPHA_VANTAGE_KEY_PARAMETER;
      if (readsKey === undefined) {
        expect(kms, command).toEqual([]);
        continue;
      }
      expect(kms).toHaveLength(1);
      expect(kms[0]).toMatchObject({ actions: ["kms:Decrypt"], resources: [keyArn] });
      expect(kms[0]?.condition?.[0]).toMatchObject({ test: "StringEquals", variable: "kms:ViaService" });
      expect(kms[0]?.condition?.[0]?.values[0]).toMatch(/^ssm\.\$\{data\.aws_region\.[^}]+\.region\}\.amazonaws\.com$/);
    }
  });
});

describe("CLI operator policy", () => {
  const { parsed } = synthDeployment("prod");
  const statements = statementsOf(parsed, "scrilla-prod-cli-operator");

  it("allows the runtime actions plus the provisioning ones, nothing more, on the same tables and indexes", () => {
    const expected = [...DYNAMODB_RUNTIME_ACTIONS, ...DYNAMODB_PROVISIONING_ACTIONS];
    expect(new Set(dynamoActions(statements))).toEqual(new Set(expected));
    expect(statements.flatMap((s) => s.actions ?? [])).toHaveLength(expected.length);
    expect(statements).toHaveLength(1);
    expect([...(statements[0]?.resources ?? [])].sort()).toEqual(expectedTableResources(parsed).sort());
    for (const action of statements[0]?.actions ?? []) expect(action).not.toContain("*");
  });

  it("is a standalone managed policy, not attached to the Lambda role", () => {
    const operatorId = Object.entries(resources(parsed, "aws_iam_policy")).find(
      ([, p]) => p.name === "scrilla-prod-cli-operator",
    )?.[0];
    const attached = Object.values(resources(parsed, "aws_iam_role_policy_attachment")).map((a) => a.policy_arn);
    expect(attached).not.toContain(reference("aws_iam_policy", operatorId ?? "", "arn"));
  });
});

describe("Function URL invoker policy", () => {
  const { parsed } = synthDeployment("dev");

  it("allows exactly the two invoke actions on exactly the stage's functions", () => {
    const statements = statementsOf(parsed, "scrilla-dev-invoker");
    expect(statements).toHaveLength(1);
    expect(statements[0]?.actions?.sort()).toEqual(["lambda:InvokeFunction", "lambda:InvokeFunctionUrl"]);
    const functionArns = Object.keys(resources(parsed, "aws_lambda_function")).map((id) =>
      reference("aws_lambda_function", id, "arn"),
    );
    expect([...(statements[0]?.resources ?? [])].sort()).toEqual(functionArns.sort());
  });
});
