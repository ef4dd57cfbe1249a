import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy/index.js";
import { Construct } from "constructs";

export interface InvokerPolicyProps {
  readonly namePrefix: string;
  readonly functionArns: readonly string[];
}

/**
 * For callers of the AWS_IAM Function URLs (a front end's role, CI smoke tests). URLs created since
 * October 2025 need both lambda:InvokeFunctionUrl and lambda:InvokeFunction.
 */
export class InvokerPolicy extends Construct {
  readonly policy: IamPolicy;

  constructor(scope: Construct, id: string, props: InvokerPolicyProps) {
    super(scope, id);
    const document = new DataAwsIamPolicyDocument(this, "permissions", {
      statement: [
        {
          sid: "InvokeScrillaFunctionUrls",
          effect: "Allow",
          actions: ["lambda:InvokeFunctionUrl", "lambda:InvokeFunction"],
          resources: [...props.functionArns],
        },
      ],
    });
    this.policy = new IamPolicy(this, "policy", {
      name: `${props.namePrefix}-invoker`,
      description: "Invoke the stage's scrilla functions through their AWS_IAM Function URLs.",
      policy: document.json,
    });
  }
}
