import type { CommandSpec } from "@scrilla/engine";
import { ScrillaError } from "./light-imports.js";

const NOUNS: Partial<Record<CommandSpec["symbols"], string>> = {
  maturities: "maturity",
  commands: "command",
  shells: "shell",
};

/** Splits `SPY,GLD` style lists, upper-cases symbols (D-37) and checks the command's arity. */
export function normalizeSymbols(words: readonly string[], spec: CommandSpec): string[] {
  const split = words
    .flatMap((word) => word.split(","))
    .map((word) => word.trim())
    .filter((word) => word !== "");
  const symbols =
    spec.symbols === "commands" || spec.symbols === "shells"
      ? split.map((word) => word.toLowerCase())
      : split.map((word) => word.toUpperCase());
  const { min, max } = spec.arity;
  const noun = NOUNS[spec.symbols] ?? "symbol";
  if (symbols.length < min) {
    throw new ScrillaError(
      "INVALID_INPUT",
      `${spec.name} needs ${max === min ? "exactly" : "at least"} ${min} ${noun}${min === 1 ? "" : "s"}, got ${symbols.length}; see scrilla help ${spec.name}.`,
    );
  }
  if (max !== undefined && symbols.length > max) {
    const allowed =
      max === 0 ? "no symbols" : `${max === min ? "exactly" : "at most"} ${max} ${noun}${max === 1 ? "" : "s"}`;
    throw new ScrillaError(
      "INVALID_INPUT",
      `${spec.name} takes ${allowed}, got ${symbols.length}; see scrilla help ${spec.name}.`,
    );
  }
  return symbols;
}
