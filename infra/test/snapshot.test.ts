import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { snapshotPath, synthesizeSnapshot } from "../src/snapshot.js";
import { STAGES } from "../src/stage.js";

describe("committed Terraform snapshots", () => {
  it.each(STAGES)("infra/terraform/%s.tf.json equals a fresh synth", (stage) => {
    const path = snapshotPath(stage);
    if (!existsSync(path)) {
      throw new Error(`${path} is missing; run \`pnpm --filter @scrilla/infra snapshot\`, review and commit it.`);
    }
    const fresh = synthesizeSnapshot(stage);
    const committed = readFileSync(path, "utf8");
    // Compared as data: the committed file is Biome-formatted. On drift: review the change, then
    // `pnpm --filter @scrilla/infra snapshot` and commit the result.
    expect(JSON.parse(fresh), `synth output drifted from ${path}`).toEqual(JSON.parse(committed));
  });

  it("contains the resources a reviewer expects per stage", () => {
    for (const stage of STAGES) {
      const parsed = JSON.parse(readFileSync(snapshotPath(stage), "utf8")) as {
        resource: Record<string, Record<string, unknown>>;
      };
      const counts = Object.fromEntries(
        Object.entries(parsed.resource).map(([type, r]) => [type, Object.keys(r).length]),
      );
      expect(counts).toMatchObject({
        aws_dynamodb_table: 4,
        aws_lambda_function: 17,
        aws_lambda_function_url: 17,
        aws_cloudwatch_log_group: 17,
        // One role and one runtime policy per function, plus the operator and invoker policies.
        aws_iam_role: 17,
        aws_iam_policy: 19,
        aws_iam_role_policy_attachment: 17,
        aws_s3_bucket: 1,
        aws_s3_bucket_public_access_block: 1,
        aws_cloudfront_distribution: 1,
        aws_cloudfront_origin_access_control: 2,
        aws_lambda_permission: 34,
      });
    }
  });
});
