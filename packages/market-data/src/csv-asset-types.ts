import { mkdir, open, readFile, rename, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { AssetType } from "@scrilla/core";
import { parseFiniteNumber } from "./parse-number.js";
import type { AssetTypeResolver, PriceProvider } from "./provider-types.js";

export interface CsvAssetTypeResolverOptions {
  /** `PRICE_DIR`, the folder of `<TICKER>.csv` files. */
  dir: string;
  /** JSON file remembering each file's type by its size and modification time (none: remember per process). */
  cacheFile?: string;
  /** Reads the whole file when its head cannot decide (quoted fields, very long rows). */
  fallback: PriceProvider;
  /** Bytes read from the start of a file (default 16 KiB, ≈ 250 rows of a download). */
  headBytes?: number;
}

/** A head with this many priced days and no weekend among them is an equity (crypto trades every day). */
const ENOUGH_DAYS = 20;
const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;

type Remembered = Record<string, { identity: string; type: AssetType }>;

/**
 * Asset types of a local price folder without the network: a series with weekend prices trades every
 * day, so it is crypto; anything else is an equity; an explicit override wins (D-37). Only the head of a
 * file is read (any 7 consecutive days of a crypto series hold a weekend), and the answer is remembered
 * in `cacheFile` under the file's size and modification time, so a warm run opens no price file at all.
 */
export class CsvAssetTypeResolver implements AssetTypeResolver {
  private readonly known = new Map<string, Promise<AssetType>>();
  private remembered: Promise<Remembered> | undefined;
  private saving: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(private readonly options: CsvAssetTypeResolverOptions) {}

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

  private async classify(symbol: string): Promise<AssetType> {
    const path = join(this.options.dir, `${symbol}.csv`);
    let identity: string;
    try {
      const info = await stat(path);
      identity = `${info.size}:${Math.trunc(info.mtimeMs)}`;
    } catch {
      return this.classifyWhole(symbol); // the provider reports a missing or unreadable file in its words
    }
    const remembered = await this.loadRemembered();
    const entry = remembered[path];
    if (entry?.identity === identity) return entry.type;
    const type = (await this.classifyHead(path)) ?? (await this.classifyWhole(symbol));
    remembered[path] = { identity, type };
    this.save(remembered);
    return type;
  }

  private async classifyWhole(symbol: string): Promise<AssetType> {
    const bars = await this.options.fallback.fetchDaily(symbol, "equity", { start: "1900-01-01", end: "2999-12-31" });
    return bars.some((bar) => isWeekend(bar.date)) ? "crypto" : "equity";
  }

  /** crypto / equity from the first bytes, or undefined when they cannot tell. */
  private async classifyHead(path: string): Promise<AssetType | undefined> {
    const { text, whole } = await readHead(path, this.options.headBytes ?? 16_384);
    if (text.includes('"')) return undefined;
    const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
    if (!whole) lines.pop(); // a row cut in half
    const header = (lines.shift() ?? "").split(",").map((name) => name.trim().toLowerCase());
    const dateColumn = header.indexOf("date");
    const closeColumn = header.indexOf("close");
    if (dateColumn < 0 || closeColumn < 0) return undefined;
    let days = 0;
    for (const line of lines) {
      if (line.trim() === "") continue;
      const fields = line.split(",");
      const date = (fields[dateColumn] ?? "").trim();
      if (!ISO_DATE_PREFIX.test(date) || parseFiniteNumber(fields[closeColumn]?.trim()) === undefined) continue;
      if (isWeekend(date.slice(0, 10))) return "crypto";
      days++;
    }
    return whole || days >= ENOUGH_DAYS ? "equity" : undefined;
  }

  private loadRemembered(): Promise<Remembered> {
    const file = this.options.cacheFile;
    this.remembered ??= file
      ? readFile(file, "utf8")
          .then((text) => JSON.parse(text) as Remembered)
          .then((value) => (value && typeof value === "object" ? value : {}))
          .catch(() => ({}))
      : Promise.resolve({});
    return this.remembered;
  }

  /** Writes the map (atomically: a temporary file renamed over it) once per batch of new answers. */
  private save(remembered: Remembered): void {
    const file = this.options.cacheFile;
    if (!file || this.dirty) return;
    this.dirty = true;
    this.saving = this.saving.then(async () => {
      this.dirty = false;
      try {
        await mkdir(dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, JSON.stringify(remembered));
        await rename(temporary, file);
      } catch {
        // Only a cache: the next run classifies again.
      }
    });
  }
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
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
