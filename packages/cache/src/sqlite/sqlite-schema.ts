import type { DatabaseSync } from "node:sqlite";
import { ScrillaError } from "@scrilla/core/errors";

/** Bumped with every schema change; stored in `PRAGMA user_version`. */
export const SQLITE_SCHEMA_VERSION = 1;

// WITHOUT ROWID tables clustered on their key: range reads are index scans, re-inserts are upserts (D-46).
const SCHEMA_V1 = `
CREATE TABLE prices (
  ticker TEXT NOT NULL, date TEXT NOT NULL, open REAL, close REAL,
  PRIMARY KEY (ticker, date)
) WITHOUT ROWID;
CREATE TABLE interest (
  maturity TEXT NOT NULL, date TEXT NOT NULL, value REAL,
  PRIMARY KEY (maturity, date)
) WITHOUT ROWID;
CREATE TABLE profile (
  ticker TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL, method TEXT NOT NULL,
  weekends INTEGER NOT NULL CHECK (weekends IN (0, 1)),
  annual_return REAL, annual_volatility REAL, sharpe_ratio REAL, asset_beta REAL, equity_cost REAL,
  PRIMARY KEY (ticker, start_date, end_date, method, weekends)
) WITHOUT ROWID;
CREATE TABLE correlations (
  ticker_1 TEXT NOT NULL, ticker_2 TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL,
  method TEXT NOT NULL, weekends INTEGER NOT NULL CHECK (weekends IN (0, 1)), correlation REAL NOT NULL,
  PRIMARY KEY (ticker_1, ticker_2, start_date, end_date, method, weekends),
  CHECK (ticker_1 <= ticker_2)
) WITHOUT ROWID;
`;

/**
 * Read-only check of a file before scrilla changes anything in it: a database holding tables but no scrilla
 * schema version belongs to another program (perhaps the Python scrilla) and is refused as it is.
 */
export function assertScrillaFile(db: DatabaseSync, file: string): void {
  const version = (db.prepare("PRAGMA user_version").get() as { user_version: number }).user_version;
  if (version !== 0) return;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
  if (tables.n > 0) throw foreignFile(file);
}

const foreignFile = (file: string) =>
  new ScrillaError(
    "CACHE_ERROR",
    `The SQLite file ${file} holds tables scrilla did not create (perhaps the Python scrilla's cache). Delete it or set SQLITE_FILE to another path.`,
    { file },
  );

/** Creates or checks the schema inside one write transaction, so two processes opening a new file agree. */
export function migrateSchema(db: DatabaseSync, file: string): void {
  db.exec("BEGIN IMMEDIATE");
  try {
    const version = (db.prepare("PRAGMA user_version").get() as { user_version: number }).user_version;
    if (version === 0) {
      const existing = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
        n: number;
      };
      if (existing.n > 0) throw foreignFile(file);
      db.exec(SCHEMA_V1);
      db.exec(`PRAGMA user_version = ${SQLITE_SCHEMA_VERSION}`);
    } else if (version > SQLITE_SCHEMA_VERSION) {
      throw new ScrillaError(
        "CACHE_ERROR",
        `The SQLite cache ${file} has schema version ${version}, newer than this scrilla understands (${SQLITE_SCHEMA_VERSION}). Upgrade scrilla, or set SQLITE_FILE to another path.`,
        { file, version },
      );
    }
    db.exec("COMMIT");
  } catch (error) {
    if (db.isTransaction) db.exec("ROLLBACK");
    throw error;
  }
}
