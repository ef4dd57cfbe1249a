import { ScrillaError } from "@scrilla/core";
import { COMMAND_SPECS, type CommandSpec, findCommand } from "@scrilla/engine";

export { checkInvocation } from "@scrilla/engine/api";

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
