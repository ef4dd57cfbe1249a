import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js";
import type { TableKind } from "@scrilla/cache/tables";
import { ScrillaError } from "@scrilla/core";
import { Construct } from "constructs";
import { type DataNeed, needsAlphaVantageKey, tableGrants } from "./data-access.js";

export interface ExecutionRoleProps {
  /** The function's name; the role is `<functionName>` with `-lambda` after the stage prefix. */
  readonly roleName: string;
  readonly command: string;
  /** What the function's command reads and writes; the policy grants exactly this. */
  readonly needs: readonly DataNeed[];
  /** The table ARNs by kind (`CacheTables.arnByKind`): no need queries an index, so no `/index/*`. */
  readonly tableArns: ReadonlyMap<TableKind, string>;
  /** The function's own log group. */
  readonly logGroupArn: string;
  readonly alphaVantageKeyParameterArn: string;
  /**
   * Only for a SecureString encrypted with a customer managed key. With the default `aws/ssm` key no IAM
   * grant is needed: its key policy already lets the account's principals decrypt through SSM.
   */
  readonly alphaVantageKeyKmsKeyArn?: string;
  readonly region: string;
}

/** One function's execution role, with a managed policy granting only what its command's code path uses. */
export class ExecutionRole extends Construct {
  readonly role: IamRole;
  readonly policy: IamPolicy;

  constructor(scope: Construct, id: string, props: ExecutionRoleProps) {
    super(scope, id);
    const trust = new DataAwsIamPolicyDocument(this, "trust", {
      statement: [
        {
          effect: "Allow",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["lambda.amazonaws.com"] }],
        },
      ],
    });
    this.role = new IamRole(this, "role", {
      name: props.roleName,
      description: `scrilla ${props.command}: ${describeNeeds(props.needs)}.`,
      assumeRolePolicy: trust.json,
    });
    const permissions = new DataAwsIamPolicyDocument(this, "permissions", { statement: runtimeStatements(props) });
    this.policy = new IamPolicy(this, "policy", {
      name: `${props.roleName}-runtime`,
      description: `Least privilege for scrilla's ${props.command} function.`,
      policy: permissions.json,
    });
    new IamRolePolicyAttachment(this, "attachment", { role: this.role.name, policyArn: this.policy.arn });
  }
}

const describeNeeds = (needs: readonly DataNeed[]) =>
  needs.length === 0 ? "its own log group only" : `${needs.join(", ")} and its own log group`;

/** `CachePrices`, `CacheInterest`, …: one statement per table, so each table gets only its own actions. */
const tableSid = (kind: TableKind) => `Cache${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;

function runtimeStatements(props: ExecutionRoleProps) {
  const tables = [...tableGrants(props.needs)].map(([kind, actions]) => {
    const arn = props.tableArns.get(kind);
    if (arn === undefined) {
      throw new ScrillaError("CONFIG", `No ${kind} table was created for ${props.command}; create CacheTables first.`);
    }
    return { sid: tableSid(kind), effect: "Allow", actions, resources: [arn] };
  });
  // The log group exists (Terraform creates it), so CreateLogGroup is not granted.
  const logs = {
    sid: "OwnLogGroup",
    effect: "Allow",
    actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
    resources: [`${props.logGroupArn}:*`],
  };
  if (!needsAlphaVantageKey(props.needs)) return [...tables, logs];
  const key = {
    sid: "AlphaVantageKey",
    effect: "Allow",
    actions: ["ssm:GetParameter"],
    resources: [props.alphaVantageKeyParameterArn],
  };
  if (props.alphaVantageKeyKmsKeyArn === undefined) return [...tables, logs, key];
  const decrypt = {
    sid: "AlphaVantageKeyDecrypt",
    effect: "Allow",
    actions: ["kms:Decrypt"],
    resources: [props.alphaVantageKeyKmsKeyArn],
    condition: [{ test: "StringEquals", variable: "kms:ViaService", values: [`ssm.${props.region}.amazonaws.com`] }],
  };
  return [...tables, logs, key, decrypt];
}
