import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { ScrillaDeployment, type ScrillaDeploymentProps } from "./scrilla-deployment.js";
import { configureStateBackend, type StateBackendConfig } from "./state-backend.js";

export interface ScrillaStackProps extends ScrillaDeploymentProps {
  readonly region: string;
  readonly backend: StateBackendConfig;
}

export const stackName = (stage: string): string => `scrilla-${stage}`;

/** One Terraform stack per stage: AWS provider, state backend, and the deployment. */
export class ScrillaStack extends TerraformStack {
  readonly deployment: ScrillaDeployment;

  constructor(scope: Construct, props: ScrillaStackProps) {
    const name = stackName(props.settings.stage);
    super(scope, name);
    new AwsProvider(this, "aws", {
      region: props.region,
      defaultTags: [{ tags: { project: "scrilla", stage: props.settings.stage } }],
    });
    configureStateBackend(this, name, props.backend);
    this.deployment = new ScrillaDeployment(this, "scrilla", props);
  }
}
