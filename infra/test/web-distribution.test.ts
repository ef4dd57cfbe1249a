import { describe, expect, it } from "vitest";
import { readSecurityHeaders } from "../src/security-headers.js";
import { apiOriginId, MANAGED_POLICY, WEB_ORIGIN_ID } from "../src/web-distribution.js";
import { type Block, reference, resources, synthDeployment } from "./support/synth.js";

// The dashboard on AWS: a private bucket and Function URLs that only this CloudFront distribution reaches.
const { parsed } = synthDeployment("dev");
const one = (type: string): [string, Block] => {
  const entries = Object.entries(resources(parsed, type));
  expect(entries, type).toHaveLength(1);
  return entries[0]!;
};
const [distributionId, distribution] = one("aws_cloudfront_distribution");
const distributionArn = reference("aws_cloudfront_distribution", distributionId, "arn");
const functions = resources(parsed, "aws_lambda_function");
const urls = resources(parsed, "aws_lambda_function_url");
const oacs = resources(parsed, "aws_cloudfront_origin_access_control");
const origins = distribution.origin as Block[];
const oacIdOf = (type: "s3" | "lambda") => {
  const found = Object.entries(oacs).find(([, oac]) => oac.origin_access_control_origin_type === type);
  expect(found, `${type} OAC`).toBeDefined();
  expect(found![1]).toMatchObject({ signing_behavior: "always", signing_protocol: "sigv4" });
  return reference("aws_cloudfront_origin_access_control", found![0], "id");
};

describe("web distribution", () => {
  it("keeps the bucket private: every public-access block on, owner-enforced, encrypted", () => {
    const [bucketId] = one("aws_s3_bucket");
    const [, block] = one("aws_s3_bucket_public_access_block");
    expect(block).toMatchObject({
      bucket: reference("aws_s3_bucket", bucketId, "id"),
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(one("aws_s3_bucket_ownership_controls")[1].rule).toEqual({ object_ownership: "BucketOwnerEnforced" });
    expect(Object.keys(resources(parsed, "aws_s3_bucket_acl"))).toHaveLength(0);
    expect(Object.keys(resources(parsed, "aws_s3_bucket_website_configuration"))).toHaveLength(0);
  });

  it("lets only this distribution read the bucket's objects (AWS:SourceArn)", () => {
    const [, document] = Object.entries(parsed.data?.aws_iam_policy_document ?? {}).find(([id]) =>
      id.includes("bucket-policy-document"),
    )!;
    const statements = document.statement as Block[];
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      effect: "Allow",
      actions: ["s3:GetObject"],
      principals: [{ type: "Service", identifiers: ["cloudfront.amazonaws.com"] }],
      condition: [{ test: "StringEquals", variable: "AWS:SourceArn", values: [distributionArn] }],
    });
    expect(String((statements[0]!.resources as string[])[0])).toMatch(/^\$\{aws_s3_bucket\.[^.]+\.arn\}\/\*$/);
  });

  it("reads the bucket through an S3 OAC and calls every Function URL through a Lambda OAC", () => {
    const bucketOrigin = origins.find((origin) => origin.origin_id === WEB_ORIGIN_ID)!;
    expect(bucketOrigin.origin_access_control_id).toBe(oacIdOf("s3"));
    expect(bucketOrigin.domain_name).toMatch(/^\$\{aws_s3_bucket\.[^.]+\.bucket_regional_domain_name\}$/);
    const lambdaOac = oacIdOf("lambda");
    for (const [id, url] of Object.entries(urls)) {
      const command = Object.values(functions).find(
        (fn) => url.function_name === reference("aws_lambda_function", idOf(functions, fn), "function_name"),
      )!.environment as { variables: { SCRILLA_FUNCTION: string } };
      const origin = origins.find((o) => o.origin_id === apiOriginId(command.variables.SCRILLA_FUNCTION))!;
      expect(origin.origin_access_control_id).toBe(lambdaOac);
      // The URL without its scheme and trailing slash: replace(replace(<url>, "https://", ""), "/", "").
      expect(origin.domain_name).toBe(
        `\${replace(replace(aws_lambda_function_url.${id}.function_url, "https://", ""), "/", "")}`,
      );
      expect(origin.custom_origin_config).toMatchObject({ origin_protocol_policy: "https-only" });
    }
    expect(origins).toHaveLength(1 + Object.keys(urls).length);
  });

  it("keeps every Function URL AWS_IAM-only and grants invocation to this distribution alone", () => {
    for (const url of Object.values(urls)) expect(url.authorization_type).toBe("AWS_IAM");
    const permissions = Object.values(resources(parsed, "aws_lambda_permission"));
    expect(permissions).toHaveLength(2 * Object.keys(functions).length);
    for (const permission of permissions) {
      expect(permission.principal).toBe("cloudfront.amazonaws.com");
      expect(permission.source_arn).toBe(distributionArn);
    }
    const urlGrants = permissions.filter((p) => p.action === "lambda:InvokeFunctionUrl");
    expect(urlGrants.every((p) => p.function_url_auth_type === "AWS_IAM")).toBe(true);
    expect(new Set(urlGrants.map((p) => p.function_name)).size).toBe(Object.keys(functions).length);
  });

  it("routes /api/<command> to its function uncached, and caches the static files", () => {
    const defaults = distribution.default_cache_behavior as Block;
    expect(defaults).toMatchObject({
      target_origin_id: WEB_ORIGIN_ID,
      viewer_protocol_policy: "redirect-to-https",
      cache_policy_id: MANAGED_POLICY.cachingOptimized,
      allowed_methods: ["GET", "HEAD"],
    });
    const behaviours = distribution.ordered_cache_behavior as Block[];
    const commands = Object.values(functions).map(
      (fn) => (fn.environment as { variables: { SCRILLA_FUNCTION: string } }).variables.SCRILLA_FUNCTION,
    );
    expect(behaviours.map((b) => b.path_pattern).sort()).toEqual(commands.map((c) => `/api/${c}`).sort());
    for (const behaviour of behaviours) {
      expect(behaviour.target_origin_id).toBe(apiOriginId(String(behaviour.path_pattern).slice(5)));
      expect(behaviour.cache_policy_id).toBe(MANAGED_POLICY.cachingDisabled);
      expect(behaviour.origin_request_policy_id).toBe(MANAGED_POLICY.allViewerExceptHostHeader);
      expect(behaviour.allowed_methods).not.toContain("POST");
    }
    expect(distribution.default_root_object).toBe("index.html");
  });

  it("sends the app's security headers: the CSP of security-headers.json, with no inline or eval'd scripts", () => {
    const [, policy] = one("aws_cloudfront_response_headers_policy");
    const config = policy.security_headers_config as Record<string, Block>;
    const csp = String(config.content_security_policy!.content_security_policy);
    expect(csp).toBe(readSecurityHeaders()["content-security-policy"]);
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? "";
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(config.frame_options).toMatchObject({ frame_option: "DENY", override: true });
    expect(config.strict_transport_security).toMatchObject({ include_subdomains: true, override: true });
    for (const behaviour of [
      distribution.default_cache_behavior as Block,
      ...(distribution.ordered_cache_behavior as Block[]),
    ]) {
      expect(behaviour.response_headers_policy_id).toMatch(/^\$\{aws_cloudfront_response_headers_policy\.[^.]+\.id\}$/);
    }
  });
});

function idOf(blocks: Record<string, Block>, block: Block): string {
  return Object.entries(blocks).find(([, candidate]) => candidate === block)![0];
}
