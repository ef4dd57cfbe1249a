import { Testing } from "cdktf";
import { placeholderBundle } from "../../src/lambda-bundle.js";
import { ScrillaDeployment, type ScrillaDeploymentProps } from "../../src/scrilla-deployment.js";
import { type Stage, stageSettings } from "../../src/stage.js";

export type Block = Record<string, unknown>;

/** The parts of a synthesized Terraform JSON document the tests read. */
export interface TerraformJson {
  resource?: Record<string, Record<string, Block>>;
  data?: Record<string, Record<string, Block>>;
  terraform?: Block;
}

export interface Synthesized {
  /** As `Testing.synthScope` returns it, for cdktf's static matchers. */
  json: string;
  parsed: TerraformJson;
}

/** Synthesizes a `ScrillaDeployment` with the stage defaults and the placeholder bundle, plus overrides. */
export function synthDeployment(stage: Stage = "dev", overrides: Partial<ScrillaDeploymentProps> = {}): Synthesized {
  const props: ScrillaDeploymentProps = { settings: stageSettings(stage), bundle: placeholderBundle(), ...overrides };
  const json = Testing.synthScope((scope) => {
    new ScrillaDeployment(scope, "scrilla", props);
  });
  return { json, parsed: JSON.parse(json) as TerraformJson };
}

/** The blocks of one resource type, keyed by their logical id. */
export function resources(parsed: TerraformJson, type: string): Record<string, Block> {
  return parsed.resource?.[type] ?? {};
}

export function dataSources(parsed: TerraformJson, type: string): Record<string, Block> {
  return parsed.data?.[type] ?? {};
}

/** `${aws_dynamodb_table.<id>.arn}` — how Terraform JSON refers to an attribute of a resource. */
export const reference = (type: string, logicalId: string, attribute: string): string =>
  `\${${type}.${logicalId}.${attribute}}`;
