import { ScrillaError } from "@scrilla/core";
import type { ReservedConcurrency } from "./stage.js";

/** AWS keeps this much of the account's concurrency unreserved; reservations may not eat into it. */
export const UNRESERVED_MINIMUM = 100;

/**
 * Each function's reserved concurrency: its override, else the stage's per-function value. Every value is a
 * whole number from 1 (0 would throttle every call) and together they leave AWS its unreserved 100 of the
 * account's quota. An override for a command that has no function is a typo, so it fails too.
 */
export function reservedConcurrencyByCommand(
  commands: readonly string[],
  settings: ReservedConcurrency,
): Map<string, number> {
  const { accountLimit } = settings;
  if (!Number.isInteger(accountLimit) || accountLimit <= UNRESERVED_MINIMUM) {
    throw new ScrillaError(
      "CONFIG",
      `SCRILLA_ACCOUNT_CONCURRENCY ${accountLimit} must be a whole number above ${UNRESERVED_MINIMUM} (the account's Lambda concurrency quota; 1000 unless raised).`,
    );
  }
  const reservable = accountLimit - UNRESERVED_MINIMUM;
  const unknown = Object.keys(settings.overrides).filter((command) => !commands.includes(command));
  if (unknown.length > 0) {
    throw new ScrillaError(
      "CONFIG",
      `SCRILLA_FUNCTION_CONCURRENCY names ${unknown.join(", ")}, which has no function; use one of ${commands.join(", ")}.`,
    );
  }
  const byCommand = new Map(commands.map((command) => [command, settings.overrides[command] ?? settings.perFunction]));
  for (const [command, value] of byCommand) {
    if (!Number.isInteger(value) || value < 1 || value > reservable) {
      throw new ScrillaError(
        "CONFIG",
        `Reserved concurrency ${value} for ${command} is out of bounds; use a whole number from 1 to ${reservable} (the account's ${accountLimit} minus the ${UNRESERVED_MINIMUM} AWS keeps unreserved).`,
      );
    }
  }
  const total = [...byCommand.values()].reduce((sum, value) => sum + value, 0);
  if (total > reservable) {
    throw new ScrillaError(
      "CONFIG",
      `The functions reserve ${total} concurrent executions together, more than the ${reservable} the account allows (${accountLimit} minus the ${UNRESERVED_MINIMUM} AWS keeps unreserved); lower SCRILLA_RESERVED_CONCURRENCY or SCRILLA_FUNCTION_CONCURRENCY, or raise SCRILLA_ACCOUNT_CONCURRENCY after raising the quota.`,
    );
  }
  return byCommand;
}
