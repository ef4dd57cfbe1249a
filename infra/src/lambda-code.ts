import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository/index.js";
import { EcrRepositoryPolicy } from "@cdktf/provider-aws/lib/ecr-repository-policy/index.js";
import type { LambdaFunctionConfig } from "@cdktf/provider-aws/lib/lambda-function/index.js";
import { ScrillaError } from "@scrilla/core";
import { AssetType, Fn, TerraformAsset } from "cdktf";
import { Construct } from "constructs";
import type { LambdaBundle } from "./lambda-bundle.js";

export const PACKAGE_TYPES = ["Zip", "Image"] as const;
export type PackageType = (typeof PACKAGE_TYPES)[number];

export const LAMBDA_RUNTIME = "nodejs24.x";
export const LAMBDA_HANDLER = "index.handler";
export const IMAGE_REPOSITORY_LOGICAL_ID = "image_repository";

export type FunctionCode = Partial<
  Pick<
    LambdaFunctionConfig,
    "packageType" | "runtime" | "handler" | "filename" | "sourceCodeHash" | "imageUri" | "imageConfig"
  >
>;

export interface LambdaCodeProps {
  readonly packageType: PackageType;
  readonly namePrefix: string;
  /** Zip only: the built bundle or the placeholder. */
  readonly bundle: LambdaBundle;
  /** Image only, required: the tag pushed to the repository (tags are immutable, so one per release). */
  readonly imageTag?: string;
  /** Image only: functions allowed to pull, e.g. `arn:…:function:scrilla-dev-*`. */
  readonly functionArnPattern: string;
}

export function parsePackageType(value: string | undefined): PackageType {
  if (value === undefined || value.trim() === "") return "Zip";
  const found = PACKAGE_TYPES.find((type) => type.toLowerCase() === value.trim().toLowerCase());
  if (found === undefined) {
    throw new ScrillaError("CONFIG", `SCRILLA_PACKAGE_TYPE "${value}" is unknown; set it to Zip (default) or Image.`);
  }
  return found;
}

/** What every function runs: a zip asset (default) or a container image in this stage's ECR repository. */
export class LambdaCode extends Construct {
  readonly functionCode: FunctionCode;
  readonly repository: EcrRepository | undefined;

  constructor(scope: Construct, id: string, props: LambdaCodeProps) {
    super(scope, id);
    if (props.packageType === "Image") {
      if (props.imageTag === undefined || props.imageTag.trim() === "") {
        throw new ScrillaError(
          "CONFIG",
          "Image packaging needs the image tag to deploy; set SCRILLA_IMAGE_TAG (e.g. the commit SHA) to a tag pushed to the stage's repository.",
        );
      }
      this.repository = imageRepository(this, props);
      this.functionCode = {
        packageType: "Image",
        imageUri: `${this.repository.repositoryUrl}:${props.imageTag}`,
        imageConfig: { command: [LAMBDA_HANDLER] },
      };
      return;
    }
    this.repository = undefined;
    const asset =
      props.bundle.kind === "zip"
        ? new TerraformAsset(this, "lambda-bundle", { path: props.bundle.path, type: AssetType.FILE })
        : new TerraformAsset(this, "lambda-bundle-PLACEHOLDER", {
            path: props.bundle.directory,
            type: AssetType.ARCHIVE,
          });
    this.functionCode = {
      packageType: "Zip",
      runtime: LAMBDA_RUNTIME,
      handler: LAMBDA_HANDLER,
      filename: asset.path,
      sourceCodeHash: Fn.filebase64sha256(asset.path),
    };
  }
}

function imageRepository(scope: Construct, props: LambdaCodeProps): EcrRepository {
  const repository = new EcrRepository(scope, "repository", {
    name: props.namePrefix,
    imageTagMutability: "IMMUTABLE",
    imageScanningConfiguration: { scanOnPush: true },
  });
  // A fixed address, so the first deploy can create it alone: `-target=aws_ecr_repository.image_repository`.
  repository.overrideLogicalId(IMAGE_REPOSITORY_LOGICAL_ID);
  new EcrRepositoryPolicy(scope, "repository-policy", {
    repository: repository.name,
    policy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "LambdaPull",
          Effect: "Allow",
          Principal: { Service: "lambda.amazonaws.com" },
          Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
          Condition: { StringLike: { "aws:sourceArn": props.functionArnPattern } },
        },
      ],
    }),
  });
  return repository;
}
