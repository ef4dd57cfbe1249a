import { CloudfrontDistribution } from "@cdktf/provider-aws/lib/cloudfront-distribution/index.js";
import { CloudfrontOriginAccessControl } from "@cdktf/provider-aws/lib/cloudfront-origin-access-control/index.js";
import { CloudfrontResponseHeadersPolicy } from "@cdktf/provider-aws/lib/cloudfront-response-headers-policy/index.js";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission/index.js";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls/index.js";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy/index.js";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block/index.js";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import type { DeployedFunction } from "./scrilla-functions.js";
import type { SecurityHeaders } from "./security-headers.js";

/** AWS-managed policies (fixed ids, the same in every account): see the CloudFront managed-policy tables. */
export const MANAGED_POLICY = {
  /** CachingOptimized: long TTLs, gzip/brotli, no query string or cookies in the key. */
  cachingOptimized: "658327ea-f89d-4fab-a63d-7e88639e58f6",
  /** CachingDisabled: every API call reaches its function. */
  cachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
  /** AllViewerExceptHostHeader: query string and headers go on, Host does not (a Function URL needs its own). */
  allViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
} as const;

export const WEB_ORIGIN_ID = "web-bucket";
export const apiOriginId = (command: string) => `api-${command}`;
const HSTS_SECONDS = 63_072_000; // two years

export interface WebDistributionProps {
  readonly namePrefix: string;
  readonly functions: readonly DeployedFunction[];
  readonly securityHeaders: SecurityHeaders;
}

/**
 * The dashboard on AWS: a private S3 bucket with the web build, and a CloudFront distribution that reads it
 * and calls the functions' URLs through Origin Access Control. The URLs stay AWS_IAM-only: CloudFront signs
 * each request (SigV4), and only this distribution may (AWS:SourceArn). The web app calls the API with GET
 * only, since an OAC-signed POST to a Function URL needs the client to send the body's SHA-256 itself.
 */
export class WebDistribution extends Construct {
  readonly bucket: S3Bucket;
  readonly distribution: CloudfrontDistribution;

  constructor(scope: Construct, id: string, props: WebDistributionProps) {
    super(scope, id);
    this.bucket = new S3Bucket(this, "bucket", { bucketPrefix: `${props.namePrefix}-web-`, forceDestroy: true });
    new S3BucketPublicAccessBlock(this, "no-public-access", {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "owner-only", {
      bucket: this.bucket.id,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket: this.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    const bucketAccess = new CloudfrontOriginAccessControl(this, "bucket-oac", {
      name: `${props.namePrefix}-web-bucket`,
      description: "CloudFront reads the scrilla web build from its private bucket",
      originAccessControlOriginType: "s3",
      signingBehavior: "always",
      signingProtocol: "sigv4",
    });
    const functionAccess = new CloudfrontOriginAccessControl(this, "function-oac", {
      name: `${props.namePrefix}-function-urls`,
      description: "CloudFront signs the scrilla API calls to the AWS_IAM Function URLs",
      originAccessControlOriginType: "lambda",
      signingBehavior: "always",
      signingProtocol: "sigv4",
    });
    const headers = securityHeadersPolicy(this, props);
    this.distribution = new CloudfrontDistribution(this, "distribution", {
      comment: `scrilla ${props.namePrefix} dashboard`,
      enabled: true,
      isIpv6Enabled: true,
      httpVersion: "http2and3",
      priceClass: "PriceClass_100",
      defaultRootObject: "index.html",
      origin: [
        {
          originId: WEB_ORIGIN_ID,
          domainName: this.bucket.bucketRegionalDomainName,
          originAccessControlId: bucketAccess.id,
        },
        ...props.functions.map(({ spec, url }) => ({
          originId: apiOriginId(spec.command),
          // https://<id>.lambda-url.<region>.on.aws/ → <id>.lambda-url.<region>.on.aws
          domainName: Fn.replace(Fn.replace(url.functionUrl, "https://", ""), "/", ""),
          originAccessControlId: functionAccess.id,
          customOriginConfig: {
            httpPort: 80,
            httpsPort: 443,
            originProtocolPolicy: "https-only",
            originSslProtocols: ["TLSv1.2"],
            originReadTimeout: 60,
          },
        })),
      ],
      defaultCacheBehavior: {
        targetOriginId: WEB_ORIGIN_ID,
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods: ["GET", "HEAD"],
        cachedMethods: ["GET", "HEAD"],
        compress: true,
        cachePolicyId: MANAGED_POLICY.cachingOptimized,
        responseHeadersPolicyId: headers.id,
      },
      orderedCacheBehavior: props.functions.map(({ spec }) => ({
        pathPattern: `/api/${spec.command}`,
        targetOriginId: apiOriginId(spec.command),
        viewerProtocolPolicy: "https-only",
        allowedMethods: ["GET", "HEAD", "OPTIONS"],
        cachedMethods: ["GET", "HEAD"],
        compress: true,
        cachePolicyId: MANAGED_POLICY.cachingDisabled,
        originRequestPolicyId: MANAGED_POLICY.allViewerExceptHostHeader,
        responseHeadersPolicyId: headers.id,
      })),
      restrictions: { geoRestriction: { restrictionType: "none" } },
      viewerCertificate: { cloudfrontDefaultCertificate: true, minimumProtocolVersion: "TLSv1.2_2021" },
    });
    this.grantBucketRead();
    for (const { spec, lambda } of props.functions) {
      // Both actions: Function URLs created since October 2025 check lambda:InvokeFunction as well.
      for (const action of ["lambda:InvokeFunctionUrl", "lambda:InvokeFunction"]) {
        new LambdaPermission(this, `${spec.command}-${action.split(":")[1]}-from-cloudfront`, {
          functionName: lambda.functionName,
          action,
          principal: "cloudfront.amazonaws.com",
          sourceArn: this.distribution.arn,
          ...(action === "lambda:InvokeFunctionUrl" ? { functionUrlAuthType: "AWS_IAM" } : {}),
        });
      }
    }
  }

  /** Only this distribution may read the bucket, and only objects (no listing). */
  private grantBucketRead(): void {
    const document = new DataAwsIamPolicyDocument(this, "bucket-policy-document", {
      statement: [
        {
          sid: "CloudFrontReadsTheWebBuild",
          effect: "Allow",
          actions: ["s3:GetObject"],
          resources: [`${this.bucket.arn}/*`],
          principals: [{ type: "Service", identifiers: ["cloudfront.amazonaws.com"] }],
          condition: [{ test: "StringEquals", variable: "AWS:SourceArn", values: [this.distribution.arn] }],
        },
      ],
    });
    new S3BucketPolicy(this, "bucket-policy", { bucket: this.bucket.id, policy: document.json });
  }
}

/** The app's security headers (the file scrilla serve sends) as a CloudFront response headers policy. */
function securityHeadersPolicy(scope: Construct, props: WebDistributionProps): CloudfrontResponseHeadersPolicy {
  const {
    "content-security-policy": csp,
    "x-content-type-options": _nosniff,
    "x-frame-options": frame,
    "referrer-policy": referrer,
    ...others
  } = props.securityHeaders;
  return new CloudfrontResponseHeadersPolicy(scope, "security-headers", {
    name: `${props.namePrefix}-security-headers`,
    comment: "CSP without inline scripts, no framing, no sniffing, HSTS",
    securityHeadersConfig: {
      contentSecurityPolicy: { contentSecurityPolicy: csp ?? "default-src 'self'", override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: frame ?? "DENY", override: true },
      referrerPolicy: { referrerPolicy: referrer ?? "no-referrer", override: true },
      strictTransportSecurity: {
        accessControlMaxAgeSec: HSTS_SECONDS,
        includeSubdomains: true,
        preload: true,
        override: true,
      },
    },
    customHeadersConfig: {
      items: Object.entries(others).map(([header, value]) => ({ header, value, override: true })),
    },
  });
}
