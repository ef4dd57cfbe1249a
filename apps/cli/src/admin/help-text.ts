import type { CommandSpec } from "@scrilla/engine";
import { CLI_OPTIONS } from "../cli-options.js";
import { FLAG_OF } from "../command-options.js";

const SYMBOL_WORDS: Record<CommandSpec["symbols"], string> = {
  tickers: "TICKER",
  maturities: "MATURITY",
  fred: "SERIES",
  commands: "COMMAND",
  none: "",
  keys: "",
  shells: "SHELL",
};

/** `scrilla help`: every command, or only the named ones (by name or alias) with their options. */
export function helpText(specs: readonly CommandSpec[], only: readonly CommandSpec[] = []): string {
  if (only.length > 0) return only.map(commandHelp).join("\n");
  const width = Math.max(...specs.map((spec) => label(spec).length));
  const lines = [
    "usage: scrilla <command> [symbols...] [options]",
    "",
    "commands (aliases in brackets):",
    ...specs.map((spec) => `  ${label(spec).padEnd(width)}  ${spec.summary}`),
    "",
    "options (every option also accepts the original spellings, e.g. -start, -js, -sh, -mom):",
    ...CLI_OPTIONS.map((option) => `  ${optionLabel(option.long).padEnd(30)} ${option.description}`),
    "",
    "scrilla help <command> shows a command's options. Exit codes: 0 ok, 1 runtime/provider error, 2 usage/input error.",
  ];
  return `${lines.join("\n")}\n`;
}

function commandHelp(spec: CommandSpec): string {
  const word = SYMBOL_WORDS[spec.symbols];
  const symbols =
    word === "" ? "" : spec.arity.min === 0 ? ` [${word}...]` : ` ${word}${spec.arity.max === 1 ? "" : "..."}`;
  const arity =
    spec.arity.max === undefined
      ? `at least ${spec.arity.min}`
      : spec.arity.max === spec.arity.min
        ? `exactly ${spec.arity.min}`
        : `${spec.arity.min} to ${spec.arity.max}`;
  const lines = [
    `${label(spec)}: ${spec.summary}`,
    `  usage: scrilla ${spec.name}${symbols} [options]`,
    `  symbols: ${arity}`,
  ];
  if (spec.options.length > 0) {
    const required = new Set(spec.required ?? []);
    lines.push(
      `  options: ${spec.options.map((name) => `${FLAG_OF[name]}${required.has(name) ? " (required)" : ""}`).join(", ")}`,
    );
  }
  if (spec.kind === "compute") lines.push("  output: --json, --quiet, --save <file.json|file.csv>");
  if (spec.kind === "plot")
    lines.push(`  output: --save <file.svg|file.png> (default ${spec.name}.svg), --open to view it`);
  return `${lines.join("\n")}\n`;
}

function optionLabel(long: string): string {
  const option = CLI_OPTIONS.find((candidate) => candidate.long === long);
  if (!option) return `--${long}`;
  const names = option.short ? `-${option.short}, --${option.long}` : `    --${option.long}`;
  return option.kind === "flag" ? names : `${names} <${option.valueName ?? "value"}>`;
}

const label = (spec: CommandSpec) => `${spec.name} (${spec.aliases.join(", ")})`;
