import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DYNAMODB_PROVISIONING_ACTIONS, DYNAMODB_RUNTIME_ACTIONS } from "@scrilla/cache/tables";
import { describe, expect, it } from "vitest";
import { dynamoGrants, functionAccess, tableKindOf } from "./support/iam.js";
import { type Block, dataSources, resources, synthDeployment } from "./support/synth.js";

const readme = readFileSync(resolve(import.meta.dirname, "../README.md"), "utf8");

/** Actions of the JSON block that follows `<!-- policy: <name> -->` in the README. */
function documentedActions(name: string): string[] {
  const block = new RegExp(`<!-- policy: ${name} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``).exec(readme)?.[1];
  if (block === undefined) throw new Error(`README.md has no "policy: ${name}" block`);
  const document = JSON.parse(block) as { Statement: { Action: string[] }[] };
  return document.Statement.flatMap((statement) => statement.Action);
}

/** Actions the synthesized `aws_iam_policy` named `name` grants. */
const { parsed } = synthDeployment("dev");

function grantedActions(name: string): string[] {
  const policy = Object.values(resources(parsed, "aws_iam_policy")).find((p) => p.name === name);
  const documentId = /\.([^.]+)\.json\}$/.exec(policy?.policy as string)?.[1] ?? "";
  const statements = dataSources(parsed, "aws_iam_policy_document")[documentId]?.statement as { actions: string[] }[];
  return statements.flatMap((statement) => statement.actions);
}

describe("README policy listings", () => {
  it("documents the prices function's runtime policy as the stack grants it", () => {
    expect(documentedActions("runtime").sort()).toEqual(grantedActions("scrilla-dev-lambda-prices-runtime").sort());
  });

  it("documents every function's DynamoDB grants and key access as the stack grants them", () => {
    const table = /<!-- function-grants -->\n([\s\S]*?)\n\n/.exec(readme)?.[1] ?? "";
    const rows = table
      .split("\n")
      .slice(2)
      .map((line) => line.split("|").map((cell) => cell.trim()));
    const documented: Record<string, { dynamo: string; key: string }> = Object.fromEntries(
      rows.map(([, command, dynamo, key]) => [command?.replaceAll("`", ""), { dynamo: dynamo ?? "", key: key ?? "" }]),
    );
    const synthesized = Object.fromEntries(
      [...functionAccess(parsed)].map(([command, { function: fn, policies }]) => {
        const grants = Object.entries(dynamoGrants(policies.flatMap((p) => p.statements)));
        const dynamo = grants
          .map(
            ([arn, actions]) =>
              `${tableKindOf(parsed, arn, "scrilla-dev-")}: ${actions.map((a) => a.slice(9)).join(", ")}`,
          )
          .sort();
        const variables = (fn.environment as Block).variables as Record<string, string>;
        return [command, { dynamo, key: variables.ALPHA_VANTAGE_KEY_PARAMETER === undefined ? "no" : "yes" }];
      }),
    );
    expect(Object.keys(documented).sort()).toEqual(Object.keys(synthesized).sort());
    for (const [command, { dynamo, key }] of Object.entries(documented)) {
      const listed = dynamo === "none" ? [] : dynamo.split("; ").sort();
      expect({ dynamo: listed, key }, command).toEqual(synthesized[command]);
    }
  });

  it("documents the operator policy: runtime plus provisioning actions", () => {
    const documented = documentedActions("operator");
    expect(documented).toEqual([...DYNAMODB_RUNTIME_ACTIONS, ...DYNAMODB_PROVISIONING_ACTIONS]);
    expect(new Set(documented)).toEqual(new Set(grantedActions("scrilla-dev-cli-operator")));
  });
});
