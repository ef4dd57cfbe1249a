import type * as Core from "@scrilla/core";
import type * as EngineIndex from "@scrilla/engine";

/**
 * The package indexes of @scrilla/core and @scrilla/engine load the whole analytics library and zod
 * (≈150 ms on a busy machine). `--help`, `help` and argument errors need only the error class and the
 * command table, two dependency-free files, so they are imported directly next to the resolved index.
 * The same module URL is what the index re-exports, so `instanceof ScrillaError` still holds.
 */
async function sibling<T>(packageName: string, file: string, fallback: () => Promise<T>): Promise<T> {
  try {
    return (await import(new URL(file, import.meta.resolve(packageName)).href)) as T;
  } catch {
    return fallback();
  }
}

const errors = await sibling<Pick<typeof Core, "ScrillaError">>(
  "@scrilla/core",
  "./errors.js",
  () => import("@scrilla/core"),
);
const specs = await sibling<Pick<typeof EngineIndex, "COMMAND_SPECS" | "findCommand">>(
  "@scrilla/engine",
  "./commands/command-specs.js",
  () => import("@scrilla/engine"),
);

export const ScrillaError = errors.ScrillaError;
export const COMMAND_SPECS = specs.COMMAND_SPECS;
export const findCommand = specs.findCommand;
