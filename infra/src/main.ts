/**
 * The CDKTF app: `pnpm --filter @scrilla/infra synth` (tsx) or `cdktf synth|deploy` (cdktf.json runs this file).
 * Writes cdktf.out/stacks/scrilla-<stage>/cdk.tf.json for the stage chosen by SCRILLA_STAGE.
 */
import { App } from "cdktf";
import { deployConfigFromEnv } from "./deploy-config.js";
import { ScrillaStack } from "./scrilla-stack.js";

const app = new App();
const contextStage = app.node.tryGetContext("stage") as string | undefined;
const config = deployConfigFromEnv(process.env, contextStage);
if (config.bundle.kind === "placeholder") {
  console.warn(
    "scrilla infra: apps/lambda/dist/lambda.zip not found; the functions use the PLACEHOLDER bundle (lambda-bundle-PLACEHOLDER asset).",
  );
}
new ScrillaStack(app, config);
app.synth();
