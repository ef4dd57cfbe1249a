import { styleText } from "node:util";
import { redactSecrets } from "@scrilla/core/secrets";
import { ScrillaError } from "./light-imports.js";

export type LogLevel = "none" | "info" | "debug";

export interface CliLogger {
  readonly level: LogLevel;
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** Throws CONFIG for a LOG_LEVEL that is set but not one of none, info, debug, verbose (a typo is not `info`). */
export function assertLogLevel(value: string | undefined): void {
  const level = (value ?? "").trim().toLowerCase();
  if (level === "" || ["none", "info", "debug", "verbose"].includes(level)) return;
  throw new ScrillaError(
    "CONFIG",
    `LOG_LEVEL must be one of none, info, debug, verbose, got "${value}"; fix or unset LOG_LEVEL.`,
    {
      variable: "LOG_LEVEL",
    },
  );
}

/** LOG_LEVEL none|info|debug (the original's `verbose` reads as debug); unknown values fall back to info. */
export function logLevelFrom(value: string | undefined): LogLevel {
  const level = (value ?? "").trim().toLowerCase();
  if (level === "none" || level === "debug") return level;
  if (level === "verbose") return "debug";
  return "info";
}

/** Logs to stderr only (D-39): stdout carries results and nothing else. */
export function createLogger(level: LogLevel, stderr: NodeJS.WritableStream): CliLogger {
  const rank = { none: 0, info: 1, debug: 2 }[level];
  const write = (tag: string, color: "gray" | "cyan" | "yellow", message: string, fields?: Record<string, unknown>) => {
    const suffix = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : "";
    stderr.write(
      `${styleText(color, `scrilla: ${tag}:`, { stream: stderr })} ${redactSecrets(`${message}${suffix}`)}\n`,
    );
  };
  return {
    level,
    debug: (message, fields) => rank >= 2 && write("debug", "gray", message, fields),
    info: (message, fields) => rank >= 1 && write("info", "cyan", message, fields),
    warn: (message, fields) => rank >= 1 && write("warning", "yellow", message, fields),
  };
}
