import { Command, type CommanderError, Option } from "commander";
import { CLI_OPTIONS } from "./cli-options.js";
import { ScrillaError } from "./light-imports.js";
import { normalizeArgv } from "./normalize-argv.js";

/** Option values as typed on the command line, keyed by canonical long name. */
export type RawOptions = Record<string, string | boolean | undefined>;

export interface Invocation {
  /** The command word as typed (may be an alias), or undefined for a bare `scrilla`. */
  command: string | undefined;
  /** Positional words after the command, as typed. */
  symbols: string[];
  options: RawOptions;
}

/** Parses `scrilla <command> [symbols…] [options…]`; usage errors become INVALID_INPUT. */
export function parseInvocation(argv: readonly string[]): Invocation {
  const program = new Command("scrilla")
    .helpOption(false)
    .argument("[command]")
    .argument("[symbols...]")
    .allowExcessArguments(true)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} });
  for (const spec of CLI_OPTIONS) {
    const names = spec.short ? `-${spec.short}, --${spec.long}` : `--${spec.long}`;
    const flags = spec.kind === "flag" ? names : `${names} <${spec.valueName ?? "value"}>`;
    program.addOption(new Option(flags, spec.description));
  }
  try {
    program.parse(normalizeArgv(argv), { from: "user" });
  } catch (error) {
    throw new ScrillaError("INVALID_INPUT", `${usageMessage(error as CommanderError)}; see scrilla help.`);
  }
  const [command, symbols] = program.processedArgs as [string | undefined, string[] | undefined];
  return { command, symbols: symbols ?? [], options: program.opts<RawOptions>() };
}

function usageMessage(error: CommanderError): string {
  // Keep commander's "(Did you mean --start?)" on the same line.
  return error.message
    .replace(/^error:\s*/i, "")
    .replace(/\s*\n\s*/g, " ")
    .trim();
}
