import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity/index.js";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition/index.js";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region/index.js";
import { Construct } from "constructs";

/** Partition, region and account of the deploying credentials, for ARNs Terraform has no resource for. */
export class AwsContext extends Construct {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.partition = new DataAwsPartition(this, "partition").partition;
    this.region = new DataAwsRegion(this, "region").region;
    this.accountId = new DataAwsCallerIdentity(this, "caller").accountId;
  }

  /** ARN of an SSM parameter; names starting with "/" are appended as they are (no double slash). */
  ssmParameterArn(name: string): string {
    const path = name.startsWith("/") ? name : `/${name}`;
    return `arn:${this.partition}:ssm:${this.region}:${this.accountId}:parameter${path}`;
  }

  lambdaFunctionArnPattern(namePrefix: string): string {
    return `arn:${this.partition}:lambda:${this.region}:${this.accountId}:function:${namePrefix}-*`;
  }
}
