import { redactSecrets } from "@scrilla/core/secrets";
import { EXIT_RUNTIME, exitCodeFor } from "./exit-code.js";
import type { CliLogger } from "./logger.js";

interface CodedError extends Error {
  code: string;
}

/** ScrillaError by shape, so a second copy of @scrilla/core in a bundle is still recognised. */
function isCoded(error: unknown): error is CodedError {
  return error instanceof Error && error.name === "ScrillaError" && typeof (error as CodedError).code === "string";
}

/** Prints `scrilla: <CODE>: <message>` on one line (stack only at LOG_LEVEL=debug) and returns the exit code. */
export function reportError(error: unknown, stderr: NodeJS.WritableStream, logger: CliLogger): number {
  const code = isCoded(error) ? error.code : "INTERNAL";
  const message = redactSecrets(error instanceof Error ? error.message : String(error));
  stderr.write(`scrilla: ${code}: ${message.replace(/\s*\n\s*/g, " ")}\n`);
  if (logger.level === "debug" && error instanceof Error && error.stack)
    stderr.write(`${redactSecrets(error.stack)}\n`);
  return isCoded(error) ? exitCodeFor(code) : EXIT_RUNTIME;
}
