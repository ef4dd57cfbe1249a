import { LocalBackend, S3Backend, type TerraformStack } from "cdktf";

/** Where Terraform keeps state: an S3 bucket with native lock file when configured, else a local file. */
export type StateBackendConfig =
  | { readonly kind: "local" }
  | { readonly kind: "s3"; readonly bucket: string; readonly region?: string; readonly keyPrefix: string };

/** Reads `SCRILLA_TF_STATE_BUCKET` (S3 when set), `SCRILLA_TF_STATE_REGION`, `SCRILLA_TF_STATE_KEY_PREFIX`. */
export function stateBackendFromEnv(env: NodeJS.ProcessEnv): StateBackendConfig {
  const bucket = env.SCRILLA_TF_STATE_BUCKET?.trim();
  if (!bucket) return { kind: "local" };
  const region = env.SCRILLA_TF_STATE_REGION?.trim();
  return {
    kind: "s3",
    bucket,
    keyPrefix: env.SCRILLA_TF_STATE_KEY_PREFIX?.trim() || "scrilla",
    ...(region ? { region } : {}),
  };
}

export function configureStateBackend(stack: TerraformStack, stackName: string, config: StateBackendConfig): void {
  if (config.kind === "local") {
    // Relative to the stack's working directory cdktf.out/stacks/<stack>: the state sits in infra/, where
    // cdktf's default would put it, but without the absolute path cdktf would write into the JSON.
    new LocalBackend(stack, { path: `../../../terraform.${stackName}.tfstate` });
    return;
  }
  new S3Backend(stack, {
    bucket: config.bucket,
    key: `${config.keyPrefix}/${stackName}.tfstate`,
    encrypt: true,
    ...(config.region ? { region: config.region } : {}),
  });
  // S3-native locking (Terraform >= 1.10); cdktf 0.21's S3Backend predates the option.
  stack.addOverride("terraform.backend.s3.use_lockfile", true);
}
