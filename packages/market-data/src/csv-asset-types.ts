import { open } from "node:fs/promises";
import { join } from "node:path";
import type { AssetType } from "@scrilla/core";
import { parseFiniteNumber } from "./parse-number.js";
import type { AssetTypeResolver, PriceProvider } from "./provider-types.js";
import { parseSimpleCsvColumns } from "./simple-csv.js";
import { StampedFileCache } from "./stamped-file-cache.js";
import { isWeekend } from "./weekend.js";

export interface CsvAssetTypeResolverOptions {
  /** `PRICE_DIR`, the folder of `<TICKER>.csv` files. */
  dir: string;
  /** JSON file remembering each file's type by its size and modification time (none: remember per process). */
  cacheFile?: string;
  /**
   * Reads the whole file when its head cannot decide (quoted fields, very long rows). When it has
   * `sourceText` (the folder provider), heads come from the texts it keeps instead of a read of their own.
   */
  fallback: PriceProvider;
  /** Bytes read from the start of a file (default 16 KiB, ≈ 250 rows of a download). */
  headBytes?: number;
}

/** A head with this many priced days and no weekend among them is an equity (crypto trades every day). */
const ENOUGH_DAYS = 20;
const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;

/**
 * Asset types of a local price folder without the network: a series with weekend prices trades every
 * day, so it is crypto; anything else is an equity; an explicit override wins (D-37). Only the head of a
 * file is read (any 7 consecutive days of a crypto series hold a weekend), and the answer is remembered
 * in `cacheFile` under the file's size and modification time, so a warm run opens no price file at all.
 */
export class CsvAssetTypeResolver implements AssetTypeResolver {
  private readonly known = new Map<string, Promise<AssetType>>();
  private readonly remembered: StampedFileCache<AssetType>;

  constructor(private readonly options: CsvAssetTypeResolverOptions) {
    this.remembered = new StampedFileCache({
      ...(options.cacheFile ? { file: options.cacheFile } : {}),
      isValue: (value): value is AssetType => value === "equity" || value === "crypto",
    });
  }

  resolve(ticker: string, override?: AssetType): Promise<AssetType> {
    if (override) return Promise.resolve(override);
    const symbol = ticker.trim().toUpperCase();
    let type = this.known.get(symbol);
    if (!type) {
      type = this.classify(symbol);
      this.known.set(symbol, type);
    }
    return type;
  }

  /** Settles once the answers so far are written to `cacheFile`. */
  flushed(): Promise<void> {
    return this.remembered.flushed();
  }

  private async classify(symbol: string): Promise<AssetType> {
    const path = join(this.options.dir, `${symbol}.csv`);
    const type = await this.remembered.get(
      path,
      async () => (await this.classifyHead(symbol, path)) ?? (await this.classifyWhole(symbol)),
    );
    // A missing or unreadable file: the provider reports it in its words.
    return type ?? this.classifyWhole(symbol);
  }

  private async classifyWhole(symbol: string): Promise<AssetType> {
    const bars = await this.options.fallback.fetchDaily(symbol, "equity", { start: "1900-01-01", end: "2999-12-31" });
    return bars.some((bar) => isWeekend(bar.date)) ? "crypto" : "equity";
  }

  /** crypto / equity from the first bytes, or undefined when they cannot tell. */
  private async classifyHead(symbol: string, path: string): Promise<AssetType | undefined> {
    const headBytes = this.options.headBytes ?? 16_384;
    // A provider that keeps file texts (a cold run has just read them for the latest day) saves the read.
    const { sourceText } = this.options.fallback;
    const { text, whole } = sourceText
      ? headOf(await sourceText.call(this.options.fallback, symbol), headBytes)
      : await readHead(path, headBytes);
    if (text.includes('"')) return undefined;
    // A row cut in half at the end of the head is dropped.
    const complete = whole ? text : text.slice(0, text.lastIndexOf("\n") + 1);
    const rows = simpleRows(complete) ?? splitRows(complete);
    if (!rows) return undefined;
    let days = 0;
    for (let i = 0; i < rows.dates.length; i++) {
      const date = rows.dates[i]!;
      if (!ISO_DATE_PREFIX.test(date) || parseFiniteNumber(rows.closes[i]) === undefined) continue;
      if (isWeekend(date.slice(0, 10))) return "crypto";
      days++;
    }
    return whole || days >= ENOUGH_DAYS ? "equity" : undefined;
  }
}

interface DateCloseCells {
  dates: string[];
  closes: (string | undefined)[];
}

/** The trimmed Date and Close cells of a plain CSV (the common case, read without splitting lines). */
function simpleRows(text: string): DateCloseCells | undefined {
  const columns = parseSimpleCsvColumns(text, ["date", "close"]);
  const dates = columns?.cells.get("date");
  const closes = columns?.cells.get("close");
  return dates && closes ? { dates, closes } : undefined;
}

/** The same cells from any unquoted text, line by line; undefined without Date and Close columns. */
function splitRows(text: string): DateCloseCells | undefined {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    .split("\n")
    .map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
  const header = (lines.shift() ?? "").split(",").map((name) => name.trim().toLowerCase());
  const dateColumn = header.indexOf("date");
  const closeColumn = header.indexOf("close");
  if (dateColumn < 0 || closeColumn < 0) return undefined;
  const cells: DateCloseCells = { dates: [], closes: [] };
  for (const line of lines) {
    if (line.trim() === "") continue;
    const fields = line.split(",");
    cells.dates.push((fields[dateColumn] ?? "").trim());
    cells.closes.push(fields[closeColumn]?.trim());
  }
  return cells;
}

/** The first `characters` of a file's text (its bytes, for the ASCII of price files). */
function headOf(text: string, characters: number): { text: string; whole: boolean } {
  return text.length <= characters ? { text, whole: true } : { text: text.slice(0, characters), whole: false };
}

async function readHead(path: string, bytes: number): Promise<{ text: string; whole: boolean }> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    // A multi-byte character cut at the end only spoils the last (dropped) line.
    return { text: buffer.toString("utf8", 0, bytesRead), whole: bytesRead < bytes };
  } finally {
    await handle.close();
  }
}
