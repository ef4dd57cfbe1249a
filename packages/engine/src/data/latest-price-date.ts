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
  // Through the provider when it names the file by this ticker: it keeps the text for the file's prices.
  const text =
    prices.sourceText && ticker === ticker.toUpperCase()
      ? await prices.sourceText(ticker)
      : await readFile(path, "utf8");
  if (!text.includes('"')) return latestDayOf(text);
  const bars = await prices.fetchDaily(ticker, "equity", { start: "1900-01-01", end: "2999-12-31" });
  return bars.at(-1)?.date;
}

/** The latest date with a numeric close in an unquoted `Date,…,Close,…` text; rows in any order. */
export function latestDayOf(text: string): string | undefined {
  const headerEnd = lineEnd(text, 0);
  const header = text
    .slice(0, headerEnd)
    .replace(/^\uFEFF/, "")
    .split(",")
    .map((cell) => cell.trim().toLowerCase());
  const dateAt = header.indexOf("date");
  const closeAt = header.indexOf("close");
  if (dateAt < 0 || closeAt < 0) return undefined;
  // One pass over the text without splitting it into rows and cells: a cold start scans every file.
  let latest: string | undefined;
  for (let start = headerEnd + 1; start < text.length; ) {
    const end = lineEnd(text, start);
    const day = cell(text, start, end, dateAt)?.trim();
    if (day && ISO_DAY.test(day) && (latest === undefined || day.slice(0, 10) > latest)) {
      const close = cell(text, start, end, closeAt)?.trim() ?? "";
      if (close !== "" && Number.isFinite(Number(close))) latest = day.slice(0, 10);
    }
    start = end + 1;
  }
  return latest;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf("\n", from);
  return end < 0 ? text.length : end;
}

/** Cell `index` of the comma-separated row text[start, end), or undefined when the row is shorter. */
function cell(text: string, start: number, end: number, index: number): string | undefined {
  let from = start;
  for (let i = 0; i < index; i++) {
    const comma = text.indexOf(",", from);
    if (comma < 0 || comma >= end) return undefined;
    from = comma + 1;
  }
  const comma = text.indexOf(",", from);
  return text.slice(from, comma < 0 || comma > end ? end : comma);
}
