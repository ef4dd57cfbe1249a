import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { deployConfigFromEnv } from "../src/deploy-config.js";
import { placeholderBundle } from "../src/lambda-bundle.js";
import { ScrillaStack } from "../src/scrilla-stack.js";
import { resolveStage, stageSettings } from "../src/stage.js";
import { synthesizeStack } from "../src/synthesize.js";
import { resources, synthDeployment } from "./support/synth.js";

const synthesized = { dev: synthDeployment("dev").parsed, prod: synthDeployment("prod").parsed };

const namesOf = (stage: "dev" | "prod", type: string, field: string) =>
  Object.values(resources(synthesized[stage], type))
    .map((block) => block[field] as string)
    .sort();

describe("stages", () => {
  it("prefixes table, function, role, policy and log group names with the stage", () => {
    for (const stage of ["dev", "prod"] as const) {
      for (const name of namesOf(stage, "aws_dynamodb_table", "name")) expect(name).toMatch(`scrilla-${stage}-`);
      for (const name of namesOf(stage, "aws_lambda_function", "function_name"))
        expect(name).toMatch(`scrilla-${stage}-`);
      for (const name of namesOf(stage, "aws_iam_policy", "name")) expect(name).toMatch(`scrilla-${stage}-`);
      for (const name of namesOf(stage, "aws_cloudwatch_log_group", "name"))
        expect(name).toMatch(`/aws/lambda/scrilla-${stage}-`);
    }
    expect(namesOf("dev", "aws_dynamodb_table", "name")).not.toEqual(namesOf("prod", "aws_dynamodb_table", "name"));
  });

  it("passes the stage's table prefix to the functions and keeps the longer retention for prod", () => {
    const prod = synthesized.prod;
    for (const fn of Object.values(resources(prod, "aws_lambda_function"))) {
      expect((fn.environment as { variables: Record<string, string> }).variables.DYNAMO_TABLE_PREFIX).toBe(
        "scrilla-prod-",
      );
    }
    const retention = (stage: "dev" | "prod") =>
      new Set(Object.values(resources(synthesized[stage], "aws_cloudwatch_log_group")).map((g) => g.retention_in_days));
    expect(retention("dev")).toEqual(new Set([stageSettings("dev").logRetentionDays]));
    expect(retention("prod")).toEqual(new Set([stageSettings("prod").logRetentionDays]));
    expect(stageSettings("prod").logRetentionDays).toBeGreaterThan(stageSettings("dev").logRetentionDays);
  });

  it("is chosen by SCRILLA_STAGE, then the cdktf context value, then defaults to dev", () => {
    expect(deployConfigFromEnv({ SCRILLA_STAGE: "prod" }, "dev").settings.stage).toBe("prod");
    expect(deployConfigFromEnv({}, "prod").settings.stage).toBe("prod");
    expect(deployConfigFromEnv({}).settings.stage).toBe("dev");
    expect(() => resolveStage("staging")).toThrow(expect.objectContaining({ code: "CONFIG" }));
  });

  it("reads the deployment switches from the environment and rejects bad values with CONFIG", () => {
    const config = deployConfigFromEnv({
      SCRILLA_STAGE: "dev",
      SCRILLA_DELETION_PROTECTION: "true",
      SCRILLA_PACKAGE_TYPE: "image",
      SCRILLA_IMAGE_TAG: "v2",
      SCRILLA_FUNCTION_URL_AUTH: "none",
      AWS_REGION: "eu-west-1",
      DYNAMO_CONF: '{"BillingMode":"PAY_PER_REQUEST"}',
    });
    expect(config).toMatchObject({
      settings: { stage: "dev", deletionProtection: true },
      packageType: "Image",
      imageTag: "v2",
      functionUrlAuth: "NONE",
      region: "eu-west-1",
    });
    for (const bad of [
      { SCRILLA_DELETION_PROTECTION: "maybe" },
      { SCRILLA_PACKAGE_TYPE: "jar" },
      { SCRILLA_FUNCTION_URL_AUTH: "COGNITO" },
      { SCRILLA_LAMBDA_BUNDLE: join(tmpdir(), "no-such-bundle.zip") },
    ]) {
      expect(() => deployConfigFromEnv(bad), JSON.stringify(bad)).toThrow(expect.objectContaining({ code: "CONFIG" }));
    }
  });
});

describe("state backend", () => {
  const synthStack = (env: NodeJS.ProcessEnv) => {
    const config = { ...deployConfigFromEnv(env), bundle: placeholderBundle() };
    return JSON.parse(Testing.synth(new ScrillaStack(Testing.app(), config))) as { terraform: { backend: unknown } };
  };

  it("defaults to a local state file at a relative path", () => {
    expect(synthStack({ SCRILLA_STAGE: "prod" }).terraform.backend).toEqual({
      local: { path: "../../../terraform.scrilla-prod.tfstate" },
    });
  });

  it("uses S3 with native locking when SCRILLA_TF_STATE_BUCKET is set", () => {
    const backend = synthStack({
      SCRILLA_STAGE: "dev",
      SCRILLA_TF_STATE_BUCKET: "acme-terraform-state",
      SCRILLA_TF_STATE_REGION: "eu-central-1",
    }).terraform.backend;
    expect(backend).toEqual({
      s3: {
        bucket: "acme-terraform-state",
        key: "scrilla/scrilla-dev.tfstate",
        region: "eu-central-1",
        encrypt: true,
        use_lockfile: true,
      },
    });
  });

  it("writes no absolute path into the synthesized stack", () => {
    const outdir = mkdtempSync(join(tmpdir(), "synth-"));
    const config = { ...deployConfigFromEnv({ SCRILLA_STAGE: "dev" }), bundle: placeholderBundle() };
    const text = readFileSync(synthesizeStack(config, outdir), "utf8");
    expect(text).not.toContain(outdir);
    expect(text).not.toContain(process.cwd());
    expect(text).not.toContain(tmpdir());
  });
});
