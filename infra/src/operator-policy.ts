import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy/index.js";
import { DYNAMODB_PROVISIONING_ACTIONS, DYNAMODB_RUNTIME_ACTIONS } from "@scrilla/cache/tables";
import { Construct } from "constructs";

export interface OperatorPolicyProps {
  readonly namePrefix: string;
  readonly tableArns: readonly string[];
}

/**
 * For a person or CI running the scrilla CLI against these tables (`CACHE_MODE=dynamodb`): the runtime
 * actions plus the provisioning ones `DYNAMO_PROVISION=auto` uses. Attach it to a user, group or role.
 */
export class OperatorPolicy extends Construct {
  readonly policy: IamPolicy;

  constructor(scope: Construct, id: string, props: OperatorPolicyProps) {
    super(scope, id);
    const document = new DataAwsIamPolicyDocument(this, "permissions", {
      statement: [
        {
          sid: "CacheTablesWithProvisioning",
          effect: "Allow",
          actions: [...DYNAMODB_RUNTIME_ACTIONS, ...DYNAMODB_PROVISIONING_ACTIONS],
          resources: [...props.tableArns],
        },
      ],
    });
    this.policy = new IamPolicy(this, "policy", {
      name: `${props.namePrefix}-cli-operator`,
      description: "Run the scrilla CLI against the stage's cache tables, creating them if missing.",
      policy: document.json,
    });
  }
}
