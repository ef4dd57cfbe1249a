import { ScrillaError } from "@scrilla/core";

export const STAGES = ["dev", "prod"] as const;
export type Stage = (typeof STAGES)[number];

/** Everything that differs between stages; chosen by the single `SCRILLA_STAGE` variable. */
export interface StageSettings {
  readonly stage: Stage;
  /** Prefix of every named AWS resource (functions, role, policies, repository). */
  readonly namePrefix: string;
  /** `DYNAMO_TABLE_PREFIX`: prepended to the four cache table names. */
  readonly tablePrefix: string;
  readonly logRetentionDays: number;
  readonly deletionProtection: boolean;
  /** SSM SecureString holding the AlphaVantage key; created out of band so the secret never enters state. */
  readonly alphaVantageKeyParameter: string;
}

const RETENTION_DAYS: Record<Stage, number> = { dev: 14, prod: 90 };

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

/** Parses the stage name; unset means `dev`. */
export function resolveStage(value: string | undefined): Stage {
  if (value === undefined || value.trim() === "") return "dev";
  const stage = value.trim();
  if (!isStage(stage)) {
    throw new ScrillaError("CONFIG", `SCRILLA_STAGE "${value}" is not a stage; set it to one of ${STAGES.join(", ")}.`);
  }
  return stage;
}

export interface StageOverrides {
  readonly deletionProtection?: boolean;
  readonly logRetentionDays?: number;
}

export function stageSettings(stage: Stage, overrides: StageOverrides = {}): StageSettings {
  return {
    stage,
    namePrefix: `scrilla-${stage}`,
    tablePrefix: `scrilla-${stage}-`,
    logRetentionDays: overrides.logRetentionDays ?? RETENTION_DAYS[stage],
    deletionProtection: overrides.deletionProtection ?? stage === "prod",
    alphaVantageKeyParameter: `/scrilla/${stage}/alpha-vantage-key`,
  };
}
