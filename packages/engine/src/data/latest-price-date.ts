import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { type PriceProvider, StampedFileCache } from "@scrilla/market-data";

const PRICE_FILE = /^([A-Za-z0-9.^=_-]+)\.csv$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/**
 * The latest day with a price in a PRICE_DIR folder. Runs at every engine start on a folder, so each
 * file's latest day is remembered in `cacheFile` under its stamp (inode, size, mtime): a warm start lists
 * the folder and stats the files but reads none. A file is scanned for its Date and Close cells only (a
 * row counts when its date is YYYY-MM-DD and its close a number, as for the price provider); a file with
 * quoted cells goes through the provider. Unreadable files are skipped: the command that uses them
 * reports the problem. Undefined when none.
 */
export async function latestPriceDate(
  dir: string,
  prices: PriceProvider,
  options: { cacheFile?: string } = {},
): Promise<string | undefined> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return undefined;
  }
  const remembered = new StampedFileCache<string | null>({
    ...(options.cacheFile ? { file: options.cacheFile } : {}),
    isValue: (value): value is string | null => value === null || (typeof value === "string" && ISO_DAY.test(value)),
  });
  const latest = await Promise.all(
    names.map(async (name) => {
      const ticker = PRICE_FILE.exec(name)?.[1];
      if (!ticker) return undefined;
      try {
        const path = join(dir, name);
        return (
          (await remembered.get(path, async () => (await latestDayOfFile(path, ticker, prices)) ?? null)) ?? undefined
        );
      } catch {
        return undefined;
      }
    }),
  );
  await remembered.flushed();
  return latest.reduce<string | undefined>((max, day) => (day && (!max || day > max) ? day : max), undefined);
}

async function latestDayOfFile(path: string, ticker: string, prices: PriceProvider): Promise<string | undefined> {
  const text = await readFile(path, "utf8");
  if (!text.includes('"')) return latestDayOf(text);
  const bars = await prices.fetchDaily(ticker, "equity", { start: "1900-01-01", end: "2999-12-31" });
  return bars.at(-1)?.date;
}

/** The latest date with a numeric close in an unquoted `Date,…,Close,…` text; rows in any order. */
export function latestDayOf(text: string): string | undefined {
  const lines = text.split("\n");
  const header = (lines[0] ?? "")
    .replace(/^\uFEFF/, "")
    .split(",")
    .map((cell) => cell.trim().toLowerCase());
  const dateAt = header.indexOf("date");
  const closeAt = header.indexOf("close");
  if (dateAt < 0 || closeAt < 0) return undefined;
  let latest: string | undefined;
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.split(",");
    const day = cells[dateAt]?.trim();
    if (!day || !ISO_DAY.test(day) || (latest !== undefined && day.slice(0, 10) <= latest)) continue;
    const close = cells[closeAt]?.trim() ?? "";
    if (close !== "" && Number.isFinite(Number(close))) latest = day.slice(0, 10);
  }
  return latest;
}
