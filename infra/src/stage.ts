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
  /** Reserved concurrent executions per function (see reserved-concurrency.ts for the bounds). */
  readonly reservedConcurrency: ReservedConcurrency;
}

export interface ReservedConcurrency {
  /** Every function's reservation, unless overridden. */
  readonly perFunction: number;
  /** Per command: a function that needs more (or less) than the rest. */
  readonly overrides: Readonly<Record<string, number>>;
  /**
   * The account's concurrent-executions quota in the region (1,000 unless raised). AWS keeps 100 of it
   * unreserved, so the functions may reserve at most this minus 100 together.
   */
  readonly accountLimit: number;
}

const RETENTION_DAYS: Record<Stage, number> = { dev: 14, prod: 90 };

export const DEFAULT_ACCOUNT_CONCURRENCY = 1000;

/**
 * Dev: enough for one person and the dashboard, and a runaway loop stays cheap. Prod: room for a busy
 * dashboard, with more for the two cheap functions every dashboard view calls.
 */
const RESERVED_CONCURRENCY: Record<Stage, Omit<ReservedConcurrency, "accountLimit">> = {
  dev: { perFunction: 2, overrides: {} },
  prod: { perFunction: 10, overrides: { prices: 25, "yield-curve": 25 } },
};

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
  /** Replaces the stage's per-function reservation. */
  readonly reservedConcurrency?: number;
  /** Merged over the stage's per-command overrides. */
  readonly functionConcurrency?: Readonly<Record<string, number>>;
  readonly accountConcurrencyLimit?: number;
}

export function stageSettings(stage: Stage, overrides: StageOverrides = {}): StageSettings {
  return {
    stage,
    namePrefix: `scrilla-${stage}`,
    tablePrefix: `scrilla-${stage}-`,
    logRetentionDays: overrides.logRetentionDays ?? RETENTION_DAYS[stage],
    deletionProtection: overrides.deletionProtection ?? stage === "prod",
    alphaVantageKeyParameter: `/scrilla/${stage}/alpha-vantage-key`,
    reservedConcurrency: {
      perFunction: overrides.reservedConcurrency ?? RESERVED_CONCURRENCY[stage].perFunction,
      overrides: { ...RESERVED_CONCURRENCY[stage].overrides, ...overrides.functionConcurrency },
      accountLimit: overrides.accountConcurrencyLimit ?? DEFAULT_ACCOUNT_CONCURRENCY,
    },
  };
}
