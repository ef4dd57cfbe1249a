import "./node-version.js";

export { makeDirectories } from "@scrilla/cache";
export { commandOptionsSchema, parseCommandOptions } from "./commands/command-options-schema.js";
export {
  API_KEY_NAMES,
  COMMAND_SPECS,
  type CommandSpec,
  findCommand,
  type OptionName,
  type SymbolKind,
} from "./commands/command-specs.js";
export type {
  CommandMap,
  CommandOptionsOf,
  CommandResult,
  ComputeCommand,
  ComputeCommandName,
} from "./commands/command-types.js";
export {
  ALLOCATION_CHOICES,
  type AllocationChoice,
  MEAN_CHOICES,
  type MeanChoice,
  RETURNS_CHOICES,
  type ReturnsChoice,
  RISK_MODEL_CHOICES,
  type RiskModelChoice,
} from "./commands/portfolio-option-values.js";
export { type EngineConfig, loadConfig } from "./config/engine-config.js";
export { createEngine } from "./create-engine.js";
export type { WaitClock } from "./data/single-flight.js";
export { scrillaHome } from "./data-home.js";
export type { CreateEngineOptions, DividendModelResult, Engine, ReturnsSample, RunOptions } from "./engine.js";
export type * from "./engine-types.js";
