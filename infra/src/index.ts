export { AwsContext } from "./aws-context.js";
export { CacheTables, type CacheTablesProps } from "./cache-tables.js";
export { concurrencyFromEnv } from "./concurrency-env.js";
export {
  DATA_ACCESS,
  type DataNeed,
  type NeedAccess,
  needsAlphaVantageKey,
  tableGrants,
} from "./data-access.js";
export { DEFAULT_REGION, deployConfigFromEnv } from "./deploy-config.js";
export { ExecutionRole, type ExecutionRoleProps } from "./execution-role.js";
export { type FunctionSpec, NOT_DEPLOYED, SCRILLA_FUNCTIONS } from "./function-catalog.js";
export { FunctionLogGroups, type FunctionLogGroupsProps } from "./function-log-groups.js";
export { InvokerPolicy, type InvokerPolicyProps } from "./invoker-policy.js";
export {
  DEFAULT_LAMBDA_BUNDLE_PATH,
  type LambdaBundle,
  placeholderBundle,
  resolveLambdaBundle,
} from "./lambda-bundle.js";
export {
  type FunctionCode,
  IMAGE_REPOSITORY_LOGICAL_ID,
  LAMBDA_HANDLER,
  LAMBDA_RUNTIME,
  LambdaCode,
  type LambdaCodeProps,
  type PackageType,
  parsePackageType,
} from "./lambda-code.js";
export { OperatorPolicy, type OperatorPolicyProps } from "./operator-policy.js";
export { reservedConcurrencyByCommand, UNRESERVED_MINIMUM } from "./reserved-concurrency.js";
export { executionRoleName, ScrillaDeployment, type ScrillaDeploymentProps } from "./scrilla-deployment.js";
export {
  ALPHA_VANTAGE_KEY_PARAMETER_ENV,
  type DeployedFunction,
  type FunctionUrlAuth,
  functionName,
  parseFunctionUrlAuth,
  ScrillaFunctions,
  type ScrillaFunctionsProps,
} from "./scrilla-functions.js";
export { ScrillaStack, type ScrillaStackProps, stackName } from "./scrilla-stack.js";
export {
  DEFAULT_ACCOUNT_CONCURRENCY,
  isStage,
  type ReservedConcurrency,
  resolveStage,
  STAGES,
  type Stage,
  type StageOverrides,
  type StageSettings,
  stageSettings,
} from "./stage.js";
export { configureStateBackend, type StateBackendConfig, stateBackendFromEnv } from "./state-backend.js";
export { snapshotProps, synthesizeStack } from "./synthesize.js";
