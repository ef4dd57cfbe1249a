import { ScrillaError } from "@scrilla/core";
import { concurrencyFromEnv } from "./concurrency-env.js";
import { resolveLambdaBundle } from "./lambda-bundle.js";
import { parsePackageType } from "./lambda-code.js";
import { parseFunctionUrlAuth } from "./scrilla-functions.js";
import type { ScrillaStackProps } from "./scrilla-stack.js";
import { resolveStage, stageSettings } from "./stage.js";
import { stateBackendFromEnv } from "./state-backend.js";

export const DEFAULT_REGION = "us-east-1";

/**
 * The whole deployment configuration from the environment (documented in infra/README.md). The stage comes
 * from `SCRILLA_STAGE`, else the cdktf context value `stage`, else `dev`.
 */
export function deployConfigFromEnv(env: NodeJS.ProcessEnv, contextStage?: string): ScrillaStackProps {
  const stage = resolveStage(env.SCRILLA_STAGE ?? contextStage);
  const deletionProtection = parseOptionalBoolean("SCRILLA_DELETION_PROTECTION", env.SCRILLA_DELETION_PROTECTION);
  const kmsKeyArn = env.SCRILLA_ALPHA_VANTAGE_KEY_KMS_KEY_ARN?.trim();
  const imageTag = env.SCRILLA_IMAGE_TAG?.trim();
  const packageType = parsePackageType(env.SCRILLA_PACKAGE_TYPE);
  return {
    settings: stageSettings(stage, {
      ...(deletionProtection === undefined ? {} : { deletionProtection }),
      ...concurrencyFromEnv(env),
    }),
    region: env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || DEFAULT_REGION,
    backend: stateBackendFromEnv(env),
    bundle: resolveLambdaBundle(env.SCRILLA_LAMBDA_BUNDLE),
    packageType,
    functionUrlAuth: parseFunctionUrlAuth(env.SCRILLA_FUNCTION_URL_AUTH),
    ...(env.DYNAMO_CONF === undefined ? {} : { billing: env.DYNAMO_CONF }),
    ...(imageTag ? { imageTag } : {}),
    ...(kmsKeyArn ? { alphaVantageKeyKmsKeyArn: kmsKeyArn } : {}),
  };
}

function parseOptionalBoolean(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const normalized = value.trim().toLowerCase();
  if (normalized === "true" || normalized === "1") return true;
  if (normalized === "false" || normalized === "0") return false;
  throw new ScrillaError("CONFIG", `${name} "${value}" is not a boolean; set it to true or false (or unset it).`);
}
