import "./node-version.js";

export { commandOptionsSchema, parseCommandOptions } from "./commands/command-options-schema.js";
export {
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
export { type EngineConfig, loadConfig } from "./config/engine-config.js";
export { createEngine } from "./create-engine.js";
export { scrillaHome } from "./data-home.js";
export type { CreateEngineOptions, DividendModelResult, Engine, ReturnsSample, RunOptions } from "./engine.js";
export type * from "./engine-types.js";
