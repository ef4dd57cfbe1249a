import {
  DYNAMODB_LAMBDA_ACTIONS,
  DYNAMODB_PROVISIONING_ACTIONS,
  DYNAMODB_RUNTIME_ACTIONS,
} from "@scrilla/cache/tables";
import { describe, expect, it } from "vitest";
import { type Block, dataSources, reference, resources, synthDeployment, type TerraformJson } from "./support/synth.js";

interface Statement {
  sid?: string;
  effect?: string;
  actions?: string[];
  resources?: string[];
  not_actions?: string[];
  not_resources?: string[];
  condition?: { test: string; variable: string; values: string[] }[];
}

/** The statements of the policy document an `aws_iam_policy` named `name` renders. */
function statementsOf(parsed: TerraformJson, name: string): Statement[] {
  const policy = Object.values(resources(parsed, "aws_iam_policy")).find((block) => block.name === name);
  if (!policy) throw new Error(`no aws_iam_policy named ${name}`);
  const match = /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/.exec(policy.policy as string);
  const document = match ? dataSources(parsed, "aws_iam_policy_document")[match[1] ?? ""] : undefined;
  if (!document) throw new Error(`${name} does not render an aws_iam_policy_document`);
  return document.statement as Statement[];
}

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

describe("Lambda execution policy", () => {
  const { parsed } = synthDeployment("dev");
  const statements = statementsOf(parsed, "scrilla-dev-lambda-runtime");

  it("uses no wildcard action, no bare * resource and no Not* element", () => {
    for (const statement of statements) {
      expect(statement.effect).toBe("Allow");
      for (const action of statement.actions ?? []) expect(action).not.toContain("*");
      // Only ARN-suffix wildcards remain: <table-arn>/index/* and <log-group-arn>:* (the log streams).
      for (const resource of statement.resources ?? []) expect(resource).not.toBe("*");
      expect(statement.not_actions).toBeUndefined();
      expect(statement.not_resources).toBeUndefined();
    }
  });

  it("allows exactly the DynamoDB actions the Lambda code path calls (no Scan), on the four tables only (no indexes)", () => {
    expect(new Set(dynamoActions(statements))).toEqual(new Set(DYNAMODB_LAMBDA_ACTIONS));
    expect(dynamoActions(statements)).toHaveLength(DYNAMODB_LAMBDA_ACTIONS.length);
    expect(dynamoActions(statements)).not.toContain("dynamodb:Scan");
    const dynamo = statements.filter((s) => (s.actions ?? []).some((a) => a.startsWith("dynamodb:")));
    expect(dynamo).toHaveLength(1);
    const tableArns = Object.keys(resources(parsed, "aws_dynamodb_table")).map((id) =>
      reference("aws_dynamodb_table", id, "arn"),
    );
    expect([...(dynamo[0]?.resources ?? [])].sort()).toEqual(tableArns.sort());
    expect(dynamo[0]?.resources?.some((arn) => arn.includes("/index/"))).toBe(false);
  });

  it("writes logs only to the functions' own log groups", () => {
    const logs = statements.filter((s) => (s.actions ?? []).some((a) => a.startsWith("logs:")));
    expect(logs).toHaveLength(1);
    expect(logs[0]?.actions?.sort()).toEqual(["logs:CreateLogStream", "logs:PutLogEvents"]);
    const groupArns = Object.keys(resources(parsed, "aws_cloudwatch_log_group")).map(
      (id) => `${reference("aws_cloudwatch_log_group", id, "arn")}:*`,
    );
    expect(logs[0]?.resources?.sort()).toEqual(groupArns.sort());
  });

  it("reads the one AlphaVantage key parameter and nothing else in SSM", () => {
    const ssm = statements.filter((s) => (s.actions ?? []).some((a) => a.startsWith("ssm:")));
    expect(ssm).toHaveLength(1);
    expect(ssm[0]?.actions).toEqual(["ssm:GetParameter"]);
    expect(ssm[0]?.resources).toHaveLength(1);
    expect(ssm[0]?.resources?.[0]).toMatch(/^arn:\$\{data\.aws_partition\.[^}]+\}:ssm:\$\{data\.aws_region\.[^}]+\}:/);
    expect(ssm[0]?.resources?.[0]).toMatch(/:parameter\/scrilla\/dev\/alpha-vantage-key$/);
  });

  it("grants nothing beyond DynamoDB, logs and SSM by default (the aws/ssm key needs no kms grant)", () => {
    const services = new Set(statements.flatMap((s) => s.actions ?? []).map((a) => a.split(":")[0]));
    expect(services).toEqual(new Set(["dynamodb", "logs", "ssm"]));
  });

  it("adds kms:Decrypt through SSM only for a customer managed key", () => {
    const keyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const withKey = statementsOf(
      synthDeployment("dev", { alphaVantageKeyKmsKeyArn: keyArn }).parsed,
      "scrilla-dev-lambda-runtime",
    );
    const kms = withKey.filter((s) => (s.actions ?? []).some((a) => a.startsWith("kms:")));
    expect(kms).toHaveLength(1);
    expect(kms[0]).toMatchObject({ actions: ["kms:Decrypt"], resources: [keyArn] });
    expect(kms[0]?.condition?.[0]).toMatchObject({ test: "StringEquals", variable: "kms:ViaService" });
    expect(kms[0]?.condition?.[0]?.values[0]).toMatch(/^ssm\.\$\{data\.aws_region\.[^}]+\.region\}\.amazonaws\.com$/);
  });

  it("is attached to a role only Lambda can assume, and is the role's only policy", () => {
    const [roleId, role] = Object.entries(resources(parsed, "aws_iam_role"))[0] ?? [];
    expect(Object.keys(resources(parsed, "aws_iam_role"))).toHaveLength(1);
    const trustId = /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/.exec(
      role?.assume_role_policy as string,
    )?.[1];
    const trust = dataSources(parsed, "aws_iam_policy_document")[trustId ?? ""];
    expect(trust?.statement).toEqual([
      {
        actions: ["sts:AssumeRole"],
        effect: "Allow",
        principals: [{ identifiers: ["lambda.amazonaws.com"], type: "Service" }],
      },
    ]);
    const attachments = Object.values(resources(parsed, "aws_iam_role_policy_attachment"));
    expect(attachments).toHaveLength(1);
    expect(attachments[0]?.role).toBe(reference("aws_iam_role", roleId ?? "", "name"));
    const runtimeId = Object.entries(resources(parsed, "aws_iam_policy")).find(
      ([, p]) => p.name === "scrilla-dev-lambda-runtime",
    )?.[0];
    expect(attachments[0]?.policy_arn).toBe(reference("aws_iam_policy", runtimeId ?? "", "arn"));
    expect(Object.keys(resources(parsed, "aws_iam_role_policy"))).toHaveLength(0);
    for (const fn of Object.values(resources(parsed, "aws_lambda_function"))) {
      expect(fn.role).toBe(reference("aws_iam_role", roleId ?? "", "arn"));
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
