import { join } from "node:path";
import type { DataHome } from "../data-home.js";
import { ScrillaError } from "../light-imports.js";
import { readJsonFile, writeJsonFile } from "./data-files.js";

const SYMBOL = /^[A-Z0-9][A-Z0-9.^-]{0,14}$/;

const watchlistPath = (home: DataHome) => join(home.common, "watchlist.json");

export async function readWatchlist(home: DataHome): Promise<string[]> {
  const stored = await readJsonFile(watchlistPath(home));
  if (stored === undefined) return [];
  if (!Array.isArray(stored) || !stored.every((item) => typeof item === "string")) {
    throw new ScrillaError(
      "CONFIG",
      `${watchlistPath(home)} is not a list of symbols; delete it or run scrilla clear-common.`,
    );
  }
  return stored;
}

/** Adds symbols (upper-cased, de-duplicated, sorted) and returns the new watchlist. */
export async function addToWatchlist(home: DataHome, symbols: readonly string[]): Promise<string[]> {
  const bad = symbols.filter((symbol) => !SYMBOL.test(symbol));
  if (bad.length > 0)
    throw new ScrillaError(
      "INVALID_INPUT",
      `${bad.join(", ")} is not a ticker symbol; use letters and digits, e.g. SPY.`,
    );
  const next = [...new Set([...(await readWatchlist(home)), ...symbols])].sort();
  await writeJsonFile(watchlistPath(home), home.common, next);
  return next;
}
