import type { CommandOptions, CommandSpec, Engine } from "@scrilla/engine";
import type { OutputOptions } from "./command-options.js";
import type { DataHome } from "./data-home.js";
import type { CliLogger } from "./logger.js";

export type OutputStream = NodeJS.WritableStream & { isTTY?: boolean };

/** Everything a command handler needs; the engine is created on first use only. */
export interface CliContext {
  spec: CommandSpec;
  symbols: string[];
  options: CommandOptions;
  output: OutputOptions;
  raw: Record<string, string | boolean | undefined>;
  home: DataHome;
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
  logger: CliLogger;
  engine(): Promise<Engine>;
}
