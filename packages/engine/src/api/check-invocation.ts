import { invalidInput } from "@scrilla/core/errors";
import type { CommandSpec } from "../commands/command-specs.js";
import type { Invocation } from "./invocation-schema.js";

/** Checks the symbol count and options against what the command reads (spec §10.4), before any data is fetched. */
export function checkInvocation(spec: CommandSpec, invocation: Invocation): void {
  const count = invocation.tickers.length;
  const { min, max } = spec.arity;
  if (count < min || (max !== undefined && count > max)) {
    const wanted = max === min ? `exactly ${min}` : max === undefined ? `at least ${min}` : `${min} to ${max}`;
    throw invalidInput(`${spec.name} needs ${wanted} symbol(s) in "tickers"; got ${count}.`, { command: spec.name });
  }
  const given = Object.keys(invocation.options);
  const unread = given.filter((name) => !(spec.options as string[]).includes(name));
  if (unread.length > 0) {
    const allowed = spec.options.length > 0 ? spec.options.join(", ") : "none";
    throw invalidInput(
      `${spec.name} does not read option(s) ${unread.join(", ")}; remove them (options it reads: ${allowed}).`,
      { command: spec.name },
    );
  }
  const missing = (spec.required ?? []).filter((name) => invocation.options[name] === undefined);
  if (missing.length > 0) {
    throw invalidInput(
      `${spec.name} needs option(s) ${missing.join(", ")}; add them, e.g. probability 0.05, expiry 0.5.`,
      {
        command: spec.name,
      },
    );
  }
}
