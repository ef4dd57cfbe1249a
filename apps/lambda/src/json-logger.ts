import { redactSecrets } from "@scrilla/core";
import type { EngineLogger } from "@scrilla/engine";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface JsonLogger extends EngineLogger {
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger whose lines also carry these fields (e.g. the request id). */
  child(fields: Record<string, unknown>): JsonLogger;
}

export interface JsonLoggerOptions {
  /** scrilla's LOG_LEVEL (spec §10.5): none, info, debug, verbose. Errors are always written. */
  level?: string;
  base?: Record<string, unknown>;
  /** Where lines go; debug/info to `out`, warn/error to `err`. Defaults to stdout/stderr. */
  out?: (line: string) => void;
  err?: (line: string) => void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(level: string | undefined): number {
  switch ((level ?? "info").toLowerCase()) {
    case "debug":
    case "verbose":
      return RANK.debug;
    case "none":
      return RANK.error;
    default:
      return RANK.info;
  }
}

/** One JSON object per line, as CloudWatch Logs Insights parses them. */
export function createJsonLogger(options: JsonLoggerOptions = {}): JsonLogger {
  const min = threshold(options.level);
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = options.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const base = options.base ?? {};
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (RANK[level] < min) return;
    // Redacted as a whole: a key can hide in the message, a field or a stack.
    const line = redactSecrets(JSON.stringify({ time: new Date().toISOString(), level, message, ...base, ...fields }));
    (RANK[level] >= RANK.warn ? err : out)(line);
  };
  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
    child: (fields) => createJsonLogger({ ...options, base: { ...base, ...fields } }),
  };
}
