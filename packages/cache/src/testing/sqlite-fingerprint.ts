import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";

/** Test helper: proves a failed command changed nothing in a SQLite cache (row counts and a content hash). */
export interface CacheFingerprint {
  /** Rows per table (fetched-range markers included). */
  rows: Record<string, number>;
  /** sha256 of every row of every table in key order. */
  hash: string;
}

const TABLES = ["prices", "interest", "profile", "correlations"] as const;

/** What a scrilla SQLite cache holds, read read-only with SQLite itself (not through scrilla's code). */
export function cacheFingerprint(file: string): CacheFingerprint {
  if (!existsSync(file)) return { rows: Object.fromEntries(TABLES.map((t) => [t, 0])), hash: "no file" };
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const hash = createHash("sha256");
    const rows: Record<string, number> = {};
    for (const table of TABLES) {
      const all = db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
      rows[table] = all.length;
      hash.update(`${table}:${JSON.stringify(all)}`);
    }
    return { rows, hash: hash.digest("hex") };
  } finally {
    db.close();
  }
}

/** Rows of one ticker's price partition (markers included) — `LIKE` so CSV-versioned keys (`SPY~…`) count too. */
export function priceRowsOf(file: string, ticker: string): number {
  if (!existsSync(file)) return 0;
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const row = db
      .prepare("SELECT count(*) AS n FROM prices WHERE ticker = ? OR ticker LIKE ?")
      .get(ticker, `${ticker}~%`);
    return (row as { n: number }).n;
  } finally {
    db.close();
  }
}
