import { join } from "node:path";
import { App } from "cdktf";
import { DEFAULT_REGION } from "./deploy-config.js";
import { placeholderBundle } from "./lambda-bundle.js";
import { ScrillaStack, type ScrillaStackProps, stackName } from "./scrilla-stack.js";
import { type Stage, stageSettings } from "./stage.js";

/** Synthesizes one stage into `outdir`; returns the path of its Terraform JSON. */
export function synthesizeStack(props: ScrillaStackProps, outdir: string): string {
  const app = new App({ outdir });
  new ScrillaStack(app, props);
  app.synth();
  return join(outdir, "stacks", stackName(props.settings.stage), "cdk.tf.json");
}

/**
 * The configuration of the committed snapshots `infra/terraform/<stage>.tf.json`: stage defaults, the
 * default region, local state, and the placeholder bundle — so the snapshot changes when the
 * infrastructure changes, not whenever the Lambda code is rebuilt.
 */
export function snapshotProps(stage: Stage): ScrillaStackProps {
  return {
    settings: stageSettings(stage),
    region: DEFAULT_REGION,
    backend: { kind: "local" },
    bundle: placeholderBundle(),
  };
}
