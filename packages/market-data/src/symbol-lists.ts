import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ScrillaError } from "@scrilla/core";
import type { AlphaVantageClient } from "./alpha-vantage-client.js";
import { type MarketDataLogger, silentLogger } from "./logger.js";

export type SymbolListName = "tickers" | "crypto";

/** A symbol list as cached on disk: `<cacheDir>/<name>.json`. */
export interface CachedSymbolList {
  fetchedAt: string;
  symbols: string[];
}

export interface SymbolListsOptions {
  client: AlphaVantageClient;
  /** Folder for `tickers.json` and `crypto.json`; without it the lists live in memory only. */
  cacheDir?: string;
  /** Refetch a list older than this (default 7 days). */
  maxAgeMs?: number;
  /** Clock, for tests (default `Date.now`). */
  now?: () => number;
  logger?: MarketDataLogger;
}

const DEFAULT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** AlphaVantage's equity listing (LISTING_STATUS) and digital currency list, cached on disk with their age. */
export class SymbolLists {
  private readonly client: AlphaVantageClient;
  private readonly cacheDir: string | undefined;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly logger: MarketDataLogger;
  private readonly inMemory = new Map<SymbolListName, { list: CachedSymbolList; set: Set<string> }>();
  private readonly loading = new Map<SymbolListName, Promise<ReadonlySet<string>>>();

  constructor(options: SymbolListsOptions) {
    this.client = options.client;
    this.cacheDir = options.cacheDir;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
    this.logger = options.logger ?? silentLogger;
  }

  /** The upper-case symbols of a list, fetched only when missing or older than the max age. */
  async symbols(name: SymbolListName): Promise<ReadonlySet<string>> {
    const held = this.inMemory.get(name);
    if (held && this.isFresh(held.list)) return held.set;
    // Concurrent resolutions (the engine resolves tickers in parallel) share one download.
    const pending = this.loading.get(name) ?? this.load(name).finally(() => this.loading.delete(name));
    this.loading.set(name, pending);
    return pending;
  }

  private async load(name: SymbolListName): Promise<ReadonlySet<string>> {
    const held = this.inMemory.get(name);
    const cached = held?.list ?? (await this.readCache(name));
    const list = cached && this.isFresh(cached) ? cached : await this.download(name, cached);
    const set = new Set(list.symbols);
    this.inMemory.set(name, { list, set });
    return set;
  }

  /** Age in ms of a list as held now, or undefined if it was never loaded. */
  ageMs(name: SymbolListName): number | undefined {
    const held = this.inMemory.get(name);
    return held ? this.now() - Date.parse(held.list.fetchedAt) : undefined;
  }

  private isFresh(list: CachedSymbolList): boolean {
    return this.now() - Date.parse(list.fetchedAt) <= this.maxAgeMs;
  }

  private async download(name: SymbolListName, previous: CachedSymbolList | undefined): Promise<CachedSymbolList> {
    this.logger(
      "info",
      `AlphaVantage: downloading the ${name === "tickers" ? "equity listing" : "digital currency list"}`,
    );
    const csv =
      name === "tickers" ? await this.client.queryCsv({ function: "LISTING_STATUS" }) : await this.client.cryptoList();
    const symbols = firstColumn(csv, name, (await import("csv-parse/sync")).parse);
    assertNotShrunk(name, symbols, previous);
    const list: CachedSymbolList = { fetchedAt: new Date(this.now()).toISOString(), symbols };
    await this.writeCache(name, list);
    return list;
  }

  private cachePath(name: SymbolListName): string | undefined {
    return this.cacheDir ? join(this.cacheDir, `${name}.json`) : undefined;
  }

  private async readCache(name: SymbolListName): Promise<CachedSymbolList | undefined> {
    const path = this.cachePath(name);
    if (!path) return undefined;
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new ScrillaError("CACHE_ERROR", `Cannot read the symbol list ${path}: ${(error as Error).message}`, {
        path,
      });
    }
    try {
      const parsed = JSON.parse(text) as Partial<CachedSymbolList>;
      if (typeof parsed.fetchedAt === "string" && Array.isArray(parsed.symbols)) return parsed as CachedSymbolList;
    } catch {
      // fall through: a damaged cache file is replaced by a fresh download
    }
    this.logger("warn", `Symbol list ${path} is damaged; downloading it again.`);
    return undefined;
  }

  private async writeCache(name: SymbolListName, list: CachedSymbolList): Promise<void> {
    const path = this.cachePath(name);
    if (!path || !this.cacheDir) return;
    try {
      await mkdir(this.cacheDir, { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(list));
      await rename(temporary, path);
    } catch (error) {
      throw new ScrillaError("CACHE_ERROR", `Cannot write the symbol list ${path}: ${(error as Error).message}`, {
        path,
      });
    }
  }
}

/** `parse` is csv-parse's, loaded by the caller on first use (≈ 60 KB). */
function firstColumn(csv: string, name: SymbolListName, parse: typeof import("csv-parse/sync").parse): string[] {
  let rows: string[][];
  try {
    // Every row must have every column of the header: a body cut off mid-line fails here, before it is stored.
    rows = parse(csv, { skip_empty_lines: true, bom: true, trim: true });
  } catch (error) {
    throw new ScrillaError(
      "PROVIDER_ERROR",
      `AlphaVantage's ${name} list is not valid CSV (cut off or damaged: ${(error as Error).message}); nothing was stored, retry later.`,
    );
  }
  const [header, ...body] = rows;
  const expected = name === "tickers" ? "symbol" : "currency code";
  if (header?.[0]?.toLowerCase() !== expected) {
    throw new ScrillaError(
      "PROVIDER_ERROR",
      `AlphaVantage's ${name} list should start with a "${expected}" column, got "${header?.[0] ?? ""}".`,
    );
  }
  const symbols = body.map((row) => row[0]?.toUpperCase() ?? "");
  const bad = symbols.findIndex((symbol) => !SYMBOL.test(symbol));
  if (bad >= 0) {
    throw new ScrillaError(
      "PROVIDER_ERROR",
      `AlphaVantage's ${name} list has "${symbols[bad]}" on line ${bad + 2}, not a symbol; nothing was stored, retry later.`,
    );
  }
  if (symbols.length === 0) {
    throw new ScrillaError("PROVIDER_ERROR", `AlphaVantage's ${name} list is empty; nothing was stored, retry later.`);
  }
  return symbols;
}

const SYMBOL = /^[^\s,"]{1,32}$/u;

/** A refreshed list with less than half the symbols of the one it replaces was cut short, not delisted en masse. */
function assertNotShrunk(name: SymbolListName, symbols: string[], previous: CachedSymbolList | undefined): void {
  const before = previous?.symbols.length ?? 0;
  if (symbols.length * 2 < before) {
    throw new ScrillaError(
      "PROVIDER_ERROR",
      `AlphaVantage's ${name} list came back with ${symbols.length} symbols, less than half of the ${before} held; it looks cut off, so the held list was not replaced. Retry later.`,
      { symbols: symbols.length, held: before },
    );
  }
}
