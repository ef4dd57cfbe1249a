import { invalidInput, ScrillaError } from "@scrilla/core";
import { COMMAND_SPECS, type CommandSpec, findCommand } from "@scrilla/engine";
import type { Invocation } from "./event-schema.js";

/** The command a deployed function runs, from `SCRILLA_FUNCTION` (a primary name or alias of a computing command). */
export function functionCommand(env: Record<string, string | undefined>): CommandSpec {
  const name = env.SCRILLA_FUNCTION?.trim();
  const computing = COMMAND_SPECS.filter((c) => c.kind === "compute").map((c) => c.name);
  if (!name) {
    throw new ScrillaError("CONFIG", `SCRILLA_FUNCTION is not set; set it to one of: ${computing.join(", ")}.`, {
      variable: "SCRILLA_FUNCTION",
    });
  }
  const spec = findCommand(name);
  if (spec?.kind !== "compute") {
    throw new ScrillaError(
      "CONFIG",
      `SCRILLA_FUNCTION "${name}" is not a computing command; set it to one of: ${computing.join(", ")}.`,
      { variable: "SCRILLA_FUNCTION" },
    );
  }
  return spec;
}

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
