import { isScrillaError, ScrillaError } from "@scrilla/core/errors";

// SQLite primary result codes (https://sqlite.org/rescode.html).
const SQLITE_BUSY = 5;
const SQLITE_CORRUPT = 11;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;

/** Wraps a SQLite failure in a CACHE_ERROR that says what to do about it. */
export function sqliteError(error: unknown, file: string, doing: string): ScrillaError {
  if (isScrillaError(error)) return error;
  const code = (error as { errcode?: number }).errcode;
  const primary = typeof code === "number" ? code & 0xff : undefined;
  const reason = error instanceof Error ? error.message : String(error);
  const advice =
    primary === SQLITE_CORRUPT || primary === SQLITE_NOTADB
      ? `The file is not a valid scrilla cache; delete it (it is only a cache) or set SQLITE_FILE to another path.`
      : primary === SQLITE_BUSY
        ? "Another process held the database locked for too long; retry, or raise the busy timeout."
        : primary === SQLITE_CANTOPEN
          ? "Check that the directory exists and is writable, or set SQLITE_FILE to a writable path."
          : "Check the file and its directory, or set SQLITE_FILE to another path.";
  return new ScrillaError(
    "CACHE_ERROR",
    `SQLite cache ${file}: ${doing} failed (${reason}). ${advice}`,
    { file, sqliteCode: code },
    { cause: error },
  );
}
