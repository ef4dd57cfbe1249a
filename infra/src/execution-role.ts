import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js";
import { DYNAMODB_LAMBDA_ACTIONS } from "@scrilla/cache/tables";
import { Construct } from "constructs";

export interface ExecutionRoleProps {
  readonly namePrefix: string;
  /** The table ARNs (`CacheTables.tableArns`): no index is queried, so no `/index/*`. */
  readonly tableArns: readonly string[];
  readonly logGroupArns: readonly string[];
  readonly alphaVantageKeyParameterArn: string;
  /**
   * Only for a SecureString encrypted with a customer managed key. With the default `aws/ssm` key no IAM
   * grant is needed: its key policy already lets the account's principals decrypt through SSM.
   */
  readonly alphaVantageKeyKmsKeyArn?: string;
  readonly region: string;
}

/** The Lambda execution role with its least-privilege managed policy. */
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
      name: `${props.namePrefix}-lambda`,
      description: "scrilla Lambda functions: cache tables, own log groups, the AlphaVantage key parameter.",
      assumeRolePolicy: trust.json,
    });
    const permissions = new DataAwsIamPolicyDocument(this, "permissions", { statement: runtimeStatements(props) });
    this.policy = new IamPolicy(this, "policy", {
      name: `${props.namePrefix}-lambda-runtime`,
      description: "Least privilege for scrilla's Lambda functions (DynamoDB item API on the four cache tables).",
      policy: permissions.json,
    });
    new IamRolePolicyAttachment(this, "attachment", { role: this.role.name, policyArn: this.policy.arn });
  }
}

function runtimeStatements(props: ExecutionRoleProps) {
  const statements = [
    {
      sid: "CacheTables",
      effect: "Allow",
      actions: [...DYNAMODB_LAMBDA_ACTIONS],
      resources: [...props.tableArns],
    },
    {
      // The log groups exist (Terraform creates them), so CreateLogGroup is not granted.
      sid: "OwnLogGroups",
      effect: "Allow",
      actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
      resources: props.logGroupArns.map((arn) => `${arn}:*`),
    },
    {
      sid: "AlphaVantageKey",
      effect: "Allow",
      actions: ["ssm:GetParameter"],
      resources: [props.alphaVantageKeyParameterArn],
    },
  ];
  if (props.alphaVantageKeyKmsKeyArn === undefined) return statements;
  return [
    ...statements,
    {
      sid: "AlphaVantageKeyDecrypt",
      effect: "Allow",
      actions: ["kms:Decrypt"],
      resources: [props.alphaVantageKeyKmsKeyArn],
      condition: [{ test: "StringEquals", variable: "kms:ViaService", values: [`ssm.${props.region}.amazonaws.com`] }],
    },
  ];
}
