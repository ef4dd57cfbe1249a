import { join } from "node:path";
import { type CacheStore, createCacheStore, makeDirectories } from "@scrilla/cache";
import { lastCloseDate, ScrillaError } from "@scrilla/core";
import { CsvAssetTypeResolver, createMarketData, type MarketData } from "@scrilla/market-data";
import { runCommand } from "./commands/run-command.js";
import { dividendModel } from "./commands/valuation-commands.js";
import { loadConfig } from "./config/engine-config.js";
import { latestPriceDate } from "./data/latest-price-date.js";
import { SYSTEM_CLOCK } from "./data/single-flight.js";
import { SourceVersionedStore } from "./data/source-versioned-store.js";
import { type DataHome, scrillaHome } from "./data-home.js";
import type { CreateEngineOptions, Engine } from "./engine.js";
import { EngineContext } from "./engine-context.js";
import type { EngineLogger, ProgressEvent, ProgressListener } from "./engine-types.js";
import { returnsSample } from "./returns-sample.js";

const silent: EngineLogger = { debug() {}, info() {}, warn() {} };

/**
 * Builds the engine from the environment (spec §10.5): the cache store CACHE_MODE selects behind a memory
 * layer, the providers with their URLs and keys, and "today" from the clock unless pinned.
 */
export async function createEngine(options: CreateEngineOptions = {}): Promise<Engine> {
  const env = options.env ?? process.env;
  const config = loadConfig(env);
  const logger = options.logger ?? silent;
  const home = scrillaHome({ ...env, SCRILLA_HOME: config.SCRILLA_HOME });
  ensureHome(home);

  const keyEnv: Record<string, string | undefined> = { ...env };
  if (options.apiKeys?.alphaVantage) keyEnv.ALPHA_VANTAGE_KEY = options.apiKeys.alphaVantage;
  if (options.apiKeys?.fred) keyEnv.FRED_KEY = options.apiKeys.fred;
  const providers = createMarketData({
    urls: {
      alphaVantage: config.ALPHA_VANTAGE_URL,
      alphaVantageCryptoMeta: config.ALPHA_VANTAGE_CRYPTO_META_URL,
      treasury: config.TREASURY_URL,
      fred: config.FRED_URL,
    },
    env: keyEnv,
    keyDir: home.common,
    staticDir: home.static,
    ...(config.PRICE_MANAGER === "csv" && config.PRICE_DIR
      ? { priceDir: config.PRICE_DIR, priceHashFile: join(home.static, "csv-content-hashes.json") }
      : {}),
    ...(config.DIV_MANAGER === "csv" && config.DIV_DIR ? { dividendDir: config.DIV_DIR } : {}),
    ...(config.STAT_MANAGER === "csv" && config.STAT_DIR ? { statisticsDir: config.STAT_DIR } : {}),
    http: { timeoutMs: config.HTTP_TIMEOUT_MS, retries: config.HTTP_RETRIES, backoffMs: config.HTTP_BACKOFF_MS },
    alphaVantage: {
      minIntervalMs: config.ALPHA_VANTAGE_MIN_INTERVAL_MS,
      throttleWaitMs: config.ALPHA_VANTAGE_THROTTLE_WAIT_MS,
      maxThrottleWaits: config.ALPHA_VANTAGE_MAX_THROTTLE_WAITS,
    },
    logger: (level, message) => logger[level](message),
  });

  // On a price folder "today" is the folder's latest day, so default windows end where the data does;
  // live data keeps the clock. A pinned today wins over both.
  const dataToday =
    options.today === undefined && config.PRICE_MANAGER === "csv" && config.PRICE_DIR
      ? await latestPriceDate(config.PRICE_DIR, providers.prices, {
          cacheFile: join(home.static, "csv-latest-dates.json"),
        })
      : undefined;
  const today = options.today ?? dataToday ?? new Date().toISOString().slice(0, 10);
  const lastClose = options.today ? undefined : (dataToday ?? lastCloseDate(new Date()));
  const todayNote = dataToday
    ? `no date given: using ${dataToday}, the latest date in PRICE_DIR ${config.PRICE_DIR}, as today (set SCRILLA_TODAY=YYYY-MM-DD to choose another day)`
    : undefined;

  // A local price folder must not need the network (or a key) just to tell equities from crypto.
  const market: MarketData =
    config.PRICE_MANAGER === "csv" && config.PRICE_DIR
      ? {
          ...providers,
          assetTypes: new CsvAssetTypeResolver({
            dir: config.PRICE_DIR,
            cacheFile: join(home.static, "csv-asset-types.json"),
            fallback: providers.prices,
          }),
        }
      : providers;

  const backingStore: CacheStore =
    options.store ??
    (await createCacheStore({
      mode: config.CACHE_MODE,
      ...(config.SQLITE_FILE ? { sqliteFile: config.SQLITE_FILE } : {}),
      dynamodb: {
        tablePrefix: config.DYNAMO_TABLE_PREFIX,
        ...(config.DYNAMO_CONF ? { billing: config.DYNAMO_CONF } : {}),
        provision: config.DYNAMO_PROVISION ?? "auto",
        requestTimeoutMs: config.DYNAMODB_TIMEOUT_MS,
        ...(config.DYNAMODB_ENDPOINT ? { clientConfig: { endpoint: config.DYNAMODB_ENDPOINT } } : {}),
      },
      memory: { maxEntries: config.CACHE_MEMORY_ENTRIES },
    }));
  // Prices that can change under the cache (local files) are cached under their source's identity.
  const versionOf = market.prices.sourceVersion?.bind(market.prices);
  const store = versionOf ? new SourceVersionedStore(backingStore, versionOf) : backingStore;

  const listeners = new Set<ProgressListener>();
  const emit = (event: ProgressEvent) => {
    for (const listener of listeners) listener(event);
  };
  const clock = options.clock ?? SYSTEM_CLOCK;
  const ctx = new EngineContext({ config, store, market, today, lastClose, todayNote, logger, emit, home, clock });
  const ownsStore = options.store === undefined;

  return {
    config,
    // The per-command result types are derived from the same table runCommand dispatches on.
    run: ((command: string, symbols: readonly string[], commandOptions?: unknown) =>
      runCommand(ctx, command, symbols, commandOptions)) as Engine["run"],
    returnsSample: (ticker, commandOptions = {}) => returnsSample(ctx, ticker, commandOptions),
    dividendModel: (ticker, commandOptions = {}) => dividendModel(ctx, ticker, commandOptions),
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clearCache: () => store.clear(),
    close: async () => {
      if (ownsStore) await store.close();
    },
  };
}

/** Creates the data home up front, so an uncreatable SCRILLA_HOME is one CONFIG error now, not a hang later. */
function ensureHome(home: DataHome): void {
  try {
    makeDirectories(home.common);
    makeDirectories(home.static);
  } catch (error) {
    throw new ScrillaError(
      "CONFIG",
      `The data home ${home.root} cannot be created (${(error as Error).message}); set SCRILLA_HOME to a writable directory.`,
      { variable: "SCRILLA_HOME" },
      { cause: error },
    );
  }
}
