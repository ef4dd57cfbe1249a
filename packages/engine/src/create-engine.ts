import { type CacheStore, createCacheStore } from "@scrilla/cache";
import { lastCloseDate } from "@scrilla/core";
import { createMarketData, type MarketData } from "@scrilla/market-data";
import { runCommand } from "./commands/run-command.js";
import { dividendModel } from "./commands/valuation-commands.js";
import { loadConfig } from "./config/engine-config.js";
import { WeekendAssetTypeResolver } from "./data/weekend-asset-type-resolver.js";
import { scrillaHome } from "./data-home.js";
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
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const lastClose = options.today ? undefined : lastCloseDate(new Date());

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
    ...(config.PRICE_MANAGER === "csv" && config.PRICE_DIR ? { priceDir: config.PRICE_DIR } : {}),
    http: { timeoutMs: config.HTTP_TIMEOUT_MS, retries: config.HTTP_RETRIES, backoffMs: config.HTTP_BACKOFF_MS },
    alphaVantage: {
      minIntervalMs: config.ALPHA_VANTAGE_MIN_INTERVAL_MS,
      throttleWaitMs: config.ALPHA_VANTAGE_THROTTLE_WAIT_MS,
      maxThrottleWaits: config.ALPHA_VANTAGE_MAX_THROTTLE_WAITS,
    },
    logger: (level, message) => logger[level](message),
  });

  // A local price folder must not need the network (or a key) just to tell equities from crypto.
  const market: MarketData =
    config.PRICE_MANAGER === "csv"
      ? { ...providers, assetTypes: new WeekendAssetTypeResolver(providers.prices) }
      : providers;

  const store: CacheStore =
    options.store ??
    (await createCacheStore({
      mode: config.CACHE_MODE,
      ...(config.SQLITE_FILE ? { sqliteFile: config.SQLITE_FILE } : {}),
      dynamodb: {
        tablePrefix: config.DYNAMO_TABLE_PREFIX,
        ...(config.DYNAMO_CONF ? { billing: config.DYNAMO_CONF } : {}),
        provision: config.DYNAMO_PROVISION ?? "auto",
        ...(config.DYNAMODB_ENDPOINT ? { clientConfig: { endpoint: config.DYNAMODB_ENDPOINT } } : {}),
      },
      memory: { maxEntries: config.CACHE_MEMORY_ENTRIES },
    }));

  const listeners = new Set<ProgressListener>();
  const emit = (event: ProgressEvent) => {
    for (const listener of listeners) listener(event);
  };
  const ctx = new EngineContext({ config, store, market, today, lastClose, logger, emit, home });
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
