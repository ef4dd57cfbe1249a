import type { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group/index.js";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function/index.js";
import { LambdaFunctionUrl } from "@cdktf/provider-aws/lib/lambda-function-url/index.js";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission/index.js";
import { ScrillaError } from "@scrilla/core";
import { Construct } from "constructs";
import { needsAlphaVantageKey } from "./data-access.js";
import type { FunctionSpec } from "./function-catalog.js";
import type { FunctionCode } from "./lambda-code.js";

export const FUNCTION_URL_AUTH_TYPES = ["AWS_IAM", "NONE"] as const;
export type FunctionUrlAuth = (typeof FUNCTION_URL_AUTH_TYPES)[number];

/** Environment variable naming the SSM parameter that holds the AlphaVantage key. */
export const ALPHA_VANTAGE_KEY_PARAMETER_ENV = "ALPHA_VANTAGE_KEY_PARAMETER";

export interface ScrillaFunctionsProps {
  readonly namePrefix: string;
  readonly specs: readonly FunctionSpec[];
  /** Each function's own execution role, by command. */
  readonly roleArns: ReadonlyMap<string, string>;
  /** Each function's reserved concurrency, by command (see reserved-concurrency.ts). */
  readonly reservedConcurrency: ReadonlyMap<string, number>;
  readonly code: FunctionCode;
  readonly logGroups: ReadonlyMap<string, CloudwatchLogGroup>;
  readonly tablePrefix: string;
  readonly alphaVantageKeyParameter: string;
  readonly functionUrlAuth: FunctionUrlAuth;
}

export interface DeployedFunction {
  readonly spec: FunctionSpec;
  readonly lambda: LambdaFunction;
  readonly url: LambdaFunctionUrl;
}

export const functionName = (namePrefix: string, command: string): string => `${namePrefix}-${command}`;

export function parseFunctionUrlAuth(value: string | undefined): FunctionUrlAuth {
  if (value === undefined || value.trim() === "") return "AWS_IAM";
  const auth = value.trim().toUpperCase();
  const found = FUNCTION_URL_AUTH_TYPES.find((type) => type === auth);
  if (found === undefined) {
    throw new ScrillaError(
      "CONFIG",
      `SCRILLA_FUNCTION_URL_AUTH "${value}" is unknown; set it to AWS_IAM (default) or NONE.`,
    );
  }
  return found;
}

/** One Lambda per command, each with its Function URL; the handler picks the command from `SCRILLA_FUNCTION`. */
export class ScrillaFunctions extends Construct {
  readonly functions: readonly DeployedFunction[];

  constructor(scope: Construct, id: string, props: ScrillaFunctionsProps) {
    super(scope, id);
    this.functions = props.specs.map((spec) => this.deploy(spec, props));
  }

  private deploy(spec: FunctionSpec, props: ScrillaFunctionsProps): DeployedFunction {
    const name = functionName(props.namePrefix, spec.command);
    const logGroup = props.logGroups.get(name);
    if (logGroup === undefined) {
      throw new ScrillaError(
        "CONFIG",
        `No log group was created for ${name}; create FunctionLogGroups for every function.`,
      );
    }
    const role = props.roleArns.get(spec.command);
    const reserved = props.reservedConcurrency.get(spec.command);
    if (role === undefined || reserved === undefined) {
      throw new ScrillaError(
        "CONFIG",
        `${name} has no ${role === undefined ? "execution role" : "reserved concurrency"}; give every function both.`,
      );
    }
    const lambda = new LambdaFunction(this, spec.command, {
      functionName: name,
      description: `scrilla ${spec.command}`,
      role,
      ...props.code,
      architectures: ["arm64"],
      memorySize: spec.memoryMb,
      timeout: spec.timeoutSeconds,
      reservedConcurrentExecutions: reserved,
      environment: {
        variables: {
          SCRILLA_FUNCTION: spec.command,
          CACHE_MODE: "dynamodb",
          DYNAMO_TABLE_PREFIX: props.tablePrefix,
          DYNAMO_PROVISION: "never",
          // Only where the role may read it: the handler reads the parameter whenever it is named.
          ...(needsAlphaVantageKey(spec.needs)
            ? { [ALPHA_VANTAGE_KEY_PARAMETER_ENV]: props.alphaVantageKeyParameter }
            : {}),
        },
      },
      loggingConfig: { logFormat: "Text", logGroup: logGroup.name },
      dependsOn: [logGroup],
    });
    const url = new LambdaFunctionUrl(this, `${spec.command}-url`, {
      functionName: lambda.functionName,
      authorizationType: props.functionUrlAuth,
    });
    if (props.functionUrlAuth === "NONE") {
      // A public URL also needs a resource policy letting anyone invoke it; URLs created since October 2025
      // need lambda:InvokeFunction too. provider-aws 6.25 cannot express InvokedViaFunctionUrl, so that
      // grant also allows the Invoke API — no wider than the public URL itself.
      new LambdaPermission(this, `${spec.command}-public-url`, {
        functionName: lambda.functionName,
        action: "lambda:InvokeFunctionUrl",
        principal: "*",
        functionUrlAuthType: "NONE",
      });
      new LambdaPermission(this, `${spec.command}-public-invoke`, {
        functionName: lambda.functionName,
        action: "lambda:InvokeFunction",
        principal: "*",
      });
    }
    return { spec, lambda, url };
  }
}
