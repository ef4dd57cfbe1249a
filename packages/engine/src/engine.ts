import type { CacheStore } from "@scrilla/cache";
import type { AssetType } from "@scrilla/core";
import type { CommandOptionsOf, CommandResult, ComputeCommand } from "./commands/command-types.js";
import type { EngineConfig } from "./config/engine-config.js";
import type { WaitClock } from "./data/single-flight.js";
import type { CommandOptions, EngineLogger, ProgressListener } from "./engine-types.js";

export interface CreateEngineOptions {
  /** Environment to read configuration from (spec §10.5 names); defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** A ready store; otherwise one is built from CACHE_MODE / SQLITE_FILE / DYNAMO_*. */
  store?: CacheStore;
  /** API keys resolved by the caller (e.g. from SSM on Lambda); env and key files are used otherwise. */
  apiKeys?: { alphaVantage?: string; fred?: string };
  /** "Today" as ISO date; defaults to the clock (UTC). The only clock read in scrilla. */
  today?: string;
  logger?: EngineLogger;
  /** The clock of the bounded wait for another process's fetch; defaults to the system clock (tests inject one). */
  clock?: WaitClock;
}

/** Daily (not annualised) log returns of one asset, for QQ plots and histograms. */
export interface ReturnsSample {
  ticker: string;
  assetType: AssetType;
  dates: string[];
  returns: number[];
}

/** What the DDM plot needs: the payments, the fitted growth line and the value. */
export interface DividendModelResult {
  ticker: string;
  payments: { date: string; amount: number }[];
  regression: { alpha: number; beta: number };
  discount_rate: number;
  discount_dividend: number;
}

/** `run`'s options argument: required when the command has required options, else optional. */
export type RunOptions<C extends string> = C extends ComputeCommand
  ? Record<string, never> extends CommandOptionsOf<C>
    ? [options?: CommandOptionsOf<C>]
    : [options: CommandOptionsOf<C>]
  : [options?: CommandOptions];

export interface Engine {
  readonly config: EngineConfig;
  /**
   * Runs a computing command of spec §10.4 (primary name or alias) and returns its JSON result, typed per
   * command when the name is a literal (`run("risk-profile", …)` resolves to `CommandResult<"risk-profile">`);
   * a name only known at run time (`string`) gives `unknown`.
   * Throws ScrillaError (INVALID_INPUT for bad symbols/options, provider and cache codes otherwise).
   */
  run<C extends string>(
    command: C,
    symbols: readonly string[],
    ...options: RunOptions<C>
  ): Promise<C extends ComputeCommand ? CommandResult<C> : unknown>;
  returnsSample(ticker: string, options?: CommandOptions): Promise<ReturnsSample>;
  dividendModel(ticker: string, options?: CommandOptions): Promise<DividendModelResult>;
  onProgress(listener: ProgressListener): () => void;
  clearCache(): Promise<void>;
  close(): Promise<void>;
}
