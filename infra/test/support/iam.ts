import { type Block, dataSources, reference, resources, type TerraformJson } from "./synth.js";

export interface Statement {
  sid?: string;
  effect?: string;
  actions?: string[];
  resources?: string[];
  not_actions?: string[];
  not_resources?: string[];
  condition?: { test: string; variable: string; values: string[] }[];
}

/** The statements of the `aws_iam_policy_document` a `${data.aws_iam_policy_document.<id>.json}` reference names. */
export function documentStatements(parsed: TerraformJson, jsonReference: string): Statement[] {
  const id = /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/.exec(jsonReference)?.[1];
  const document = id === undefined ? undefined : dataSources(parsed, "aws_iam_policy_document")[id];
  if (!document) throw new Error(`${jsonReference} does not name an aws_iam_policy_document`);
  return document.statement as Statement[];
}

/** The statements of the `aws_iam_policy` named `name`. */
export function statementsOf(parsed: TerraformJson, name: string): Statement[] {
  const policy = Object.values(resources(parsed, "aws_iam_policy")).find((block) => block.name === name);
  if (!policy) throw new Error(`no aws_iam_policy named ${name}`);
  return documentStatements(parsed, policy.policy as string);
}

export interface FunctionAccess {
  functionId: string;
  function: Block;
  roleId: string;
  role: Block;
  /** Every managed policy attached to the role, with its statements. */
  policies: { id: string; name: string; statements: Statement[] }[];
}

/**
 * Follows each `aws_lambda_function` to the role it runs as and the policies attached to that role, by the
 * references Terraform resolves (not by names), keyed by the function's `SCRILLA_FUNCTION`.
 */
export function functionAccess(parsed: TerraformJson): Map<string, FunctionAccess> {
  const roles = resources(parsed, "aws_iam_role");
  const policies = resources(parsed, "aws_iam_policy");
  const attachments = Object.values(resources(parsed, "aws_iam_role_policy_attachment"));
  const access = new Map<string, FunctionAccess>();
  for (const [functionId, fn] of Object.entries(resources(parsed, "aws_lambda_function"))) {
    const command = ((fn.environment as Block).variables as Record<string, string>).SCRILLA_FUNCTION ?? "";
    const roleId = Object.keys(roles).find((id) => fn.role === reference("aws_iam_role", id, "arn"));
    if (roleId === undefined) throw new Error(`${command} runs as no role of this stack`);
    const attached = attachments
      .filter((attachment) => attachment.role === reference("aws_iam_role", roleId, "name"))
      .map((attachment) => {
        const id = Object.keys(policies).find((p) => attachment.policy_arn === reference("aws_iam_policy", p, "arn"));
        if (id === undefined) throw new Error(`${command}'s role has a policy from outside this stack`);
        const policy = policies[id] as Block;
        return { id, name: policy.name as string, statements: documentStatements(parsed, policy.policy as string) };
      });
    access.set(command, { functionId, function: fn, roleId, role: roles[roleId] as Block, policies: attached });
  }
  return access;
}

/** `{ "<table-arn reference>": [actions] }` over the DynamoDB statements of some policies. */
export function dynamoGrants(statements: readonly Statement[]): Record<string, string[]> {
  const grants: Record<string, string[]> = {};
  for (const statement of statements) {
    const actions = (statement.actions ?? []).filter((action) => action.startsWith("dynamodb:"));
    if (actions.length === 0) continue;
    for (const resource of statement.resources ?? [])
      grants[resource] = [...(grants[resource] ?? []), ...actions].sort();
  }
  return grants;
}

/** The table kind (`prices`, …) a `${aws_dynamodb_table.<id>.arn}` reference names, by the table's name. */
export function tableKindOf(parsed: TerraformJson, arnReference: string, tablePrefix: string): string {
  const id = /^\$\{aws_dynamodb_table\.([^.]+)\.arn\}$/.exec(arnReference)?.[1];
  const table = id === undefined ? undefined : resources(parsed, "aws_dynamodb_table")[id];
  if (!table) throw new Error(`${arnReference} is not a table ARN of this stack`);
  return (table.name as string).slice(tablePrefix.length);
}
