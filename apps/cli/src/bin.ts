#!/usr/bin/env node
import "./node-version.js";
import * as nodeModule from "node:module";
import { lazyStream } from "./lazy-stream.js";

// Cache V8's compiled code of the ~300 modules a command loads (Node ≥ 22.1; a no-op where it cannot), before
// importing them: it saves about a third of a warm run's CPU. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
nodeModule.enableCompileCache?.();

const { main } = await import("./main.js");

const stdout = lazyStream(() =>
  // A closed pipe (scrilla … | head) is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  }),
);
const stderr = lazyStream(() => process.stderr);

/** The last line of defence: whatever escapes main (or the runtime) is still one line and a non-zero exit. */
const oneLine = (error: unknown): void => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`scrilla: INTERNAL: ${message.replace(/\s*\n\s*/g, " ")}\n`);
  process.exit(1);
};
process.on("uncaughtException", oneLine);
process.on("unhandledRejection", oneLine);

/** The working directory, or a CONFIG error when it was deleted under the shell (`uv_cwd` fails). */
function workingDirectory(): string | undefined {
  try {
    return process.cwd();
  } catch (error) {
    process.stderr.write(
      `scrilla: CONFIG: the current directory no longer exists (${(error as Error).message}); cd to an existing directory and run again.\n`,
    );
    return undefined;
  }
}

const cwd = workingDirectory();
if (cwd === undefined) process.exitCode = 2;
else {
  try {
    process.exitCode = await main(process.argv.slice(2), {
      stdout,
      stderr,
      env: process.env,
      cwd,
    });
  } catch (error) {
    oneLine(error);
  }
}
