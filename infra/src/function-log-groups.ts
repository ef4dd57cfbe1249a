import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group/index.js";
import { Construct } from "constructs";

export interface FunctionLogGroupsProps {
  readonly functionNames: readonly string[];
  readonly retentionDays: number;
}

/**
 * The functions' log groups, created before the functions so that Terraform owns their retention (Lambda
 * would otherwise create them on first run, kept forever) and the role can be scoped to exactly them.
 */
export class FunctionLogGroups extends Construct {
  readonly byFunctionName: ReadonlyMap<string, CloudwatchLogGroup>;

  constructor(scope: Construct, id: string, props: FunctionLogGroupsProps) {
    super(scope, id);
    this.byFunctionName = new Map(
      props.functionNames.map((name) => [
        name,
        new CloudwatchLogGroup(this, name, { name: `/aws/lambda/${name}`, retentionInDays: props.retentionDays }),
      ]),
    );
  }

  get all(): CloudwatchLogGroup[] {
    return [...this.byFunctionName.values()];
  }
}
