import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { SCRILLA_FUNCTIONS } from "../src/function-catalog.js";
import { resolveLambdaBundle } from "../src/lambda-bundle.js";
import { type Block, reference, resources, synthDeployment } from "./support/synth.js";

/** The commands the issue requires a function for. */
const REQUIRED_COMMANDS = [
  "risk-profile",
  "correlation",
  "optimize-portfolio",
  "efficient-frontier",
  "optimize-cvar",
  "hrp",
  "black-litterman",
  "var",
  "cvar",
  "capm-beta",
  "capm-equity",
  "sharpe-ratio",
  "ddm",
  "yield-curve",
  "prices",
  // The web dashboard's moving-average and dividend views.
  "mov-averages",
  "dividends",
];

const publicPermissions = (blocks: Record<string, Block>) =>
  Object.values(blocks).filter((permission) => permission.principal === "*");

const logicalIdOf = (blocks: Record<string, Block>, predicate: (block: Block) => boolean): string => {
  const found = Object.entries(blocks).find(([, block]) => predicate(block));
  if (!found) throw new Error("no matching block");
  return found[0];
};

describe("Lambda functions", () => {
  const { json, parsed } = synthDeployment("dev");
  const functions = resources(parsed, "aws_lambda_function");
  const logGroups = resources(parsed, "aws_cloudwatch_log_group");

  it("deploys one function per required command", () => {
    const names = Object.values(functions).map((fn) => fn.function_name);
    expect(names.sort()).toEqual(REQUIRED_COMMANDS.map((command) => `scrilla-dev-${command}`).sort());
  });

  it.each(SCRILLA_FUNCTIONS)("$command: nodejs24.x on arm64, handler, memory, timeout and environment", (spec) => {
    expect(
      Testing.toHaveResourceWithProperties(json, "aws_lambda_function", {
        function_name: `scrilla-dev-${spec.command}`,
        package_type: "Zip",
        runtime: "nodejs24.x",
        architectures: ["arm64"],
        handler: "index.handler",
        memory_size: spec.memoryMb,
        timeout: spec.timeoutSeconds,
      }),
    ).toBe(true);
    const fn = Object.values(functions).find((block) => block.function_name === `scrilla-dev-${spec.command}`);
    expect(fn?.environment).toEqual({ variables: expect.any(Object) });
    expect((fn?.environment as Block | undefined)?.variables).toEqual({
      SCRILLA_FUNCTION: spec.command,
      CACHE_MODE: "dynamodb",
      DYNAMO_TABLE_PREFIX: "scrilla-dev-",
      DYNAMO_PROVISION: "never",
      // The yield curve comes from the Treasury alone: that function never reads (nor may read) the key.
      ...(spec.command === "yield-curve" ? {} : { ALPHA_VANTAGE_KEY_PARAMETER: "/scrilla/dev/alpha-vantage-key" }),
    });
  });

  it("fits AlphaVantage's 30 s throttle wait into every timeout", () => {
    for (const fn of Object.values(functions)) expect(fn.timeout as number).toBeGreaterThanOrEqual(90);
  });

  it("gives every function an AWS_IAM Function URL", () => {
    const urls = Object.values(resources(parsed, "aws_lambda_function_url"));
    expect(urls).toHaveLength(REQUIRED_COMMANDS.length);
    const urlTargets = urls.map((url) => url.function_name);
    for (const [id] of Object.entries(functions)) {
      expect(urlTargets).toContain(reference("aws_lambda_function", id, "function_name"));
    }
    for (const url of urls) expect(url.authorization_type).toBe("AWS_IAM");
    // Only CloudFront's (web-distribution.test.ts), never anyone's.
    expect(publicPermissions(resources(parsed, "aws_lambda_permission"))).toHaveLength(0);
  });

  it("logs each function to its own log group with the stage's retention, created before the function", () => {
    for (const [id, fn] of Object.entries(functions)) {
      const groupId = logicalIdOf(logGroups, (group) => group.name === `/aws/lambda/${fn.function_name}`);
      expect(logGroups[groupId]?.retention_in_days).toBe(14);
      expect(fn.depends_on).toEqual([`aws_cloudwatch_log_group.${groupId}`]);
      expect((fn.logging_config as Block).log_group, id).toBe(reference("aws_cloudwatch_log_group", groupId, "name"));
    }
    expect(Object.keys(logGroups)).toHaveLength(REQUIRED_COMMANDS.length);
  });

  it("runs the clearly-named placeholder bundle when none was built", () => {
    for (const fn of Object.values(functions)) {
      expect(fn.filename).toMatch(/^assets\/[^/]*lambda-bundle-PLACEHOLDER[^/]*\/[0-9A-F]+\/archive\.zip$/);
      expect(fn.source_code_hash).toBe(`\${filebase64sha256("${fn.filename}")}`);
    }
  });

  it("runs a built zip when given one, and refuses a missing explicit path", () => {
    const dir = mkdtempSync(join(tmpdir(), "bundle-"));
    const zip = join(dir, "lambda.zip");
    // An empty zip archive: just the end-of-central-directory record.
    writeFileSync(zip, Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]));
    const built = synthDeployment("dev", { bundle: resolveLambdaBundle(zip) });
    for (const fn of Object.values(resources(built.parsed, "aws_lambda_function"))) {
      expect(fn.filename).toMatch(/^assets\/[^/]*lambda-bundle_[^/]*\/[0-9A-F]+\/lambda\.zip$/);
    }
    expect(() => resolveLambdaBundle(join(dir, "missing.zip"))).toThrow(expect.objectContaining({ code: "CONFIG" }));
  });

  it("adds a public invoke permission only when the URL auth is NONE", () => {
    const open = synthDeployment("dev", { functionUrlAuth: "NONE" });
    for (const url of Object.values(resources(open.parsed, "aws_lambda_function_url"))) {
      expect(url.authorization_type).toBe("NONE");
    }
    const permissions = publicPermissions(resources(open.parsed, "aws_lambda_permission"));
    expect(permissions).toHaveLength(2 * REQUIRED_COMMANDS.length);
    const urlPermissions = permissions.filter((p) => p.action === "lambda:InvokeFunctionUrl");
    expect(urlPermissions).toHaveLength(REQUIRED_COMMANDS.length);
    for (const permission of urlPermissions) {
      expect(permission).toMatchObject({ principal: "*", function_url_auth_type: "NONE" });
    }
    // Function URLs created since October 2025 also need lambda:InvokeFunction.
    const invokePermissions = permissions.filter((p) => p.action === "lambda:InvokeFunction");
    expect(new Set(invokePermissions.map((p) => p.function_name)).size).toBe(REQUIRED_COMMANDS.length);
  });
});

describe("container image packaging", () => {
  const { json, parsed } = synthDeployment("dev", { packageType: "Image", imageTag: "v1.2.3" });

  it("switches every function to an image from the stage's ECR repository", () => {
    expect(Object.keys(resources(parsed, "aws_ecr_repository"))).toEqual(["image_repository"]);
    const repositoryId = "image_repository";
    expect(
      Testing.toHaveResourceWithProperties(json, "aws_ecr_repository", {
        name: "scrilla-dev",
        image_tag_mutability: "IMMUTABLE",
        image_scanning_configuration: { scan_on_push: true },
      }),
    ).toBe(true);
    for (const fn of Object.values(resources(parsed, "aws_lambda_function"))) {
      expect(fn.package_type).toBe("Image");
      expect(fn.image_uri).toBe(`${reference("aws_ecr_repository", repositoryId, "repository_url")}:v1.2.3`);
      expect(fn.architectures).toEqual(["arm64"]);
      expect(fn.runtime).toBeUndefined();
      expect(fn.filename).toBeUndefined();
    }
  });

  it("refuses to synthesize without an image tag", () => {
    expect(() => synthDeployment("dev", { packageType: "Image" })).toThrow(expect.objectContaining({ code: "CONFIG" }));
  });

  it("lets only this stage's functions pull from the repository", () => {
    const [policy] = Object.values(resources(parsed, "aws_ecr_repository_policy"));
    const document = JSON.parse(policy?.policy as string);
    expect(document.Statement).toHaveLength(1);
    expect(document.Statement[0].Principal).toEqual({ Service: "lambda.amazonaws.com" });
    expect(document.Statement[0].Action).toEqual(["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]);
    expect(document.Statement[0].Condition.StringLike["aws:sourceArn"]).toMatch(/:function:scrilla-dev-\*$/);
  });
});
