import type { ScrillaErrorCode } from "@scrilla/core";

export const EXIT_OK = 0;
/** Runtime, provider or cache failure: retrying later or fixing the service may help. */
export const EXIT_RUNTIME = 1;
/** Usage or input error: the command line, a symbol or the configuration must change. */
export const EXIT_USAGE = 2;

const USAGE_CODES: ReadonlySet<string> = new Set<ScrillaErrorCode>([
  "INVALID_INPUT",
  "SAMPLE_TOO_SMALL",
  "UNKNOWN_METHOD",
  "UNALIGNED_SERIES",
  "CONFIG",
  "API_KEY_MISSING",
  "API_KEY",
  "NOT_FOUND",
  "INFEASIBLE",
]);

/** Exit status for an error code (see README "Exit codes"). */
export function exitCodeFor(code: string): number {
  return USAGE_CODES.has(code) ? EXIT_USAGE : EXIT_RUNTIME;
}
