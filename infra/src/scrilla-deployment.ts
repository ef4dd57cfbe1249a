import type { BillingConfig } from "@scrilla/cache/tables";
import { ScrillaError } from "@scrilla/core";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { AwsContext } from "./aws-context.js";
import { CacheTables } from "./cache-tables.js";
import { ExecutionRole } from "./execution-role.js";
import { type FunctionSpec, SCRILLA_FUNCTIONS } from "./function-catalog.js";
import { FunctionLogGroups } from "./function-log-groups.js";
import { InvokerPolicy } from "./invoker-policy.js";
import type { LambdaBundle } from "./lambda-bundle.js";
import { LambdaCode, type PackageType } from "./lambda-code.js";
import { OperatorPolicy } from "./operator-policy.js";
import { reservedConcurrencyByCommand } from "./reserved-concurrency.js";
import { type FunctionUrlAuth, functionName, ScrillaFunctions } from "./scrilla-functions.js";
import { readSecurityHeaders, type SecurityHeaders } from "./security-headers.js";
import type { StageSettings } from "./stage.js";
import { WebDistribution } from "./web-distribution.js";

export interface ScrillaDeploymentProps {
  readonly settings: StageSettings;
  /** Zip: the bundle to deploy (see `resolveLambdaBundle`). */
  readonly bundle: LambdaBundle;
  /** `DYNAMO_CONF` (raw JSON or parsed); default PAY_PER_REQUEST. */
  readonly billing?: BillingConfig | string;
  readonly packageType?: PackageType;
  /** Image only, required there: the pushed tag (the repository's tags are immutable). */
  readonly imageTag?: string;
  readonly functionUrlAuth?: FunctionUrlAuth;
  readonly alphaVantageKeyKmsKeyArn?: string;
  readonly functions?: readonly FunctionSpec[];
  /** The dashboard's security headers; default: apps/web/public/security-headers.json. */
  readonly securityHeaders?: SecurityHeaders;
}

/** `scrilla-<stage>-lambda-<command>`: the role of one function (its policy adds `-runtime`). */
export const executionRoleName = (namePrefix: string, command: string): string => `${namePrefix}-lambda-${command}`;

/** Everything scrilla deploys for one stage; a Construct so tests can synthesize it in any scope. */
export class ScrillaDeployment extends Construct {
  readonly tables: CacheTables;
  /** One per function, by command. */
  readonly executionRoles: ReadonlyMap<string, ExecutionRole>;
  readonly operatorPolicy: OperatorPolicy;
  readonly code: LambdaCode;
  readonly functions: ScrillaFunctions;
  readonly invokerPolicy: InvokerPolicy;
  readonly web: WebDistribution;

  constructor(scope: Construct, id: string, props: ScrillaDeploymentProps) {
    super(scope, id);
    const { settings } = props;
    const specs = props.functions ?? SCRILLA_FUNCTIONS;
    const aws = new AwsContext(this, "aws");
    this.tables = new CacheTables(this, "tables", {
      tablePrefix: settings.tablePrefix,
      deletionProtection: settings.deletionProtection,
      ...(props.billing === undefined ? {} : { billing: props.billing }),
    });
    const logGroups = new FunctionLogGroups(this, "logs", {
      functionNames: specs.map((spec) => functionName(settings.namePrefix, spec.command)),
      retentionDays: settings.logRetentionDays,
    });
    const reservedConcurrency = reservedConcurrencyByCommand(
      specs.map((spec) => spec.command),
      settings.reservedConcurrency,
    );
    const keyArn = aws.ssmParameterArn(settings.alphaVantageKeyParameter);
    this.executionRoles = new Map(
      specs.map((spec) => {
        const logGroup = logGroups.byFunctionName.get(functionName(settings.namePrefix, spec.command));
        if (logGroup === undefined) throw new ScrillaError("CONFIG", `No log group was created for ${spec.command}.`);
        const role = new ExecutionRole(this, `execution-${spec.command}`, {
          roleName: executionRoleName(settings.namePrefix, spec.command),
          command: spec.command,
          needs: spec.needs,
          tableArns: this.tables.arnByKind,
          logGroupArn: logGroup.arn,
          alphaVantageKeyParameterArn: keyArn,
          region: aws.region,
          ...(props.alphaVantageKeyKmsKeyArn === undefined
            ? {}
            : { alphaVantageKeyKmsKeyArn: props.alphaVantageKeyKmsKeyArn }),
        });
        return [spec.command, role];
      }),
    );
    this.operatorPolicy = new OperatorPolicy(this, "operator", {
      namePrefix: settings.namePrefix,
      tableArns: this.tables.accessArns,
    });
    this.code = new LambdaCode(this, "code", {
      packageType: props.packageType ?? "Zip",
      namePrefix: settings.namePrefix,
      bundle: props.bundle,
      ...(props.imageTag === undefined ? {} : { imageTag: props.imageTag }),
      functionArnPattern: aws.lambdaFunctionArnPattern(settings.namePrefix),
    });
    this.functions = new ScrillaFunctions(this, "functions", {
      namePrefix: settings.namePrefix,
      specs,
      roleArns: new Map([...this.executionRoles].map(([command, { role }]) => [command, role.arn])),
      reservedConcurrency,
      code: this.code.functionCode,
      logGroups: logGroups.byFunctionName,
      tablePrefix: settings.tablePrefix,
      alphaVantageKeyParameter: settings.alphaVantageKeyParameter,
      functionUrlAuth: props.functionUrlAuth ?? "AWS_IAM",
    });
    this.invokerPolicy = new InvokerPolicy(this, "invoker", {
      namePrefix: settings.namePrefix,
      functionArns: this.functions.functions.map(({ lambda }) => lambda.arn),
    });
    this.web = new WebDistribution(this, "web", {
      namePrefix: settings.namePrefix,
      functions: this.functions.functions,
      securityHeaders: props.securityHeaders ?? readSecurityHeaders(),
    });
    this.outputs();
  }

  private outputs(): void {
    for (const { spec, url } of this.functions.functions) {
      this.output(`function_url_${spec.command.replaceAll("-", "_")}`, url.functionUrl);
    }
    this.output(
      "table_names",
      this.tables.tables.map((table) => table.name),
    );
    for (const [command, { role }] of this.executionRoles) {
      this.output(`execution_role_arn_${command.replaceAll("-", "_")}`, role.arn);
    }
    this.output("operator_policy_arn", this.operatorPolicy.policy.arn);
    this.output("invoker_policy_arn", this.invokerPolicy.policy.arn);
    this.output("web_bucket_name", this.web.bucket.bucket);
    this.output("web_distribution_id", this.web.distribution.id);
    this.output("web_url", `https://${this.web.distribution.domainName}/`);
    if (this.code.repository !== undefined) this.output("image_repository_url", this.code.repository.repositoryUrl);
  }

  /** Plain names, so `terraform output function_url_risk_profile` works on the synthesized JSON too. */
  private output(name: string, value: string | string[]): void {
    new TerraformOutput(this, name, { value }).overrideLogicalId(name);
  }
}
