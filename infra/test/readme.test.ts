import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  DYNAMODB_LAMBDA_ACTIONS,
  DYNAMODB_PROVISIONING_ACTIONS,
  DYNAMODB_RUNTIME_ACTIONS,
} from "@scrilla/cache/tables";
import { describe, expect, it } from "vitest";
import { dataSources, resources, synthDeployment } from "./support/synth.js";

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
  it("documents the runtime policy the stack grants, with the adapter's DynamoDB actions", () => {
    const documented = documentedActions("runtime");
    expect(documented.filter((a) => a.startsWith("dynamodb:"))).toEqual([...DYNAMODB_LAMBDA_ACTIONS]);
    expect(new Set(documented)).toEqual(new Set(grantedActions("scrilla-dev-lambda-runtime")));
  });

  it("documents the operator policy: runtime plus provisioning actions", () => {
    const documented = documentedActions("operator");
    expect(documented).toEqual([...DYNAMODB_RUNTIME_ACTIONS, ...DYNAMODB_PROVISIONING_ACTIONS]);
    expect(new Set(documented)).toEqual(new Set(grantedActions("scrilla-dev-cli-operator")));
  });
});
