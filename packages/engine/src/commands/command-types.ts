/**
 * Per-command types of `Engine.run`, derived from the one command table (COMMAND_TABLE) and the functions
 * bound to its computing commands (COMPUTE_FUNCTIONS): no second list of names to keep in step.
 */
import type { CommandOptions } from "../engine-types.js";
import type { COMMAND_TABLE } from "./command-specs.js";
import type { COMPUTE_FUNCTIONS } from "./run-command.js";

type TableEntry = (typeof COMMAND_TABLE)[number];
type ComputeEntry = Extract<TableEntry, { kind: "compute" }>;

/** Primary names of the commands `Engine.run` computes (`risk-profile`, `optimize-portfolio`, …). */
export type ComputeCommandName = ComputeEntry["name"];
/** A primary name or an alias (`rp`, `opt`, …) of a computing command. */
export type ComputeCommand = ComputeCommandName | ComputeEntry["aliases"][number];

/** The table entry a name or alias spells. */
type EntryOf<C> = ComputeEntry extends infer E
  ? E extends { name: infer N; aliases: readonly (infer A)[] }
    ? C extends N | A
      ? E
      : never
    : never
  : never;

type RequiredOf<E> = E extends { required: readonly (infer R extends keyof CommandOptions)[] } ? R : never;

/** The options command `C` reads; the ones it cannot run without are required. */
export type CommandOptionsOf<C extends ComputeCommand> = Pick<CommandOptions, EntryOf<C>["options"][number]> &
  Required<Pick<CommandOptions, RequiredOf<EntryOf<C>>>>;

/** The JSON result of command `C` (name or alias). */
export type CommandResult<C extends ComputeCommand> = Awaited<
  ReturnType<(typeof COMPUTE_FUNCTIONS)[EntryOf<C>["name"] & ComputeCommandName]>
>;

/** Every computing command's options and result, by primary name (e.g. for a typed Lambda client). */
export type CommandMap = {
  [N in ComputeCommandName]: { options: CommandOptionsOf<N>; result: CommandResult<N> };
};
