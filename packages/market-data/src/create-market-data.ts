import { registerSecret } from "@scrilla/core";
import { AlphaVantageClient } from "./alpha-vantage-client.js";
import { AlphaVantageDividendProvider } from "./alpha-vantage-dividends.js";
import { AlphaVantagePriceProvider } from "./alpha-vantage-prices.js";
import { ApiKeys } from "./api-keys.js";
import { ListAssetTypeResolver } from "./asset-type-resolver.js";
import { CsvFolderDividendProvider } from "./csv-folder-dividends.js";
import { CsvFolderPriceProvider } from "./csv-folder-prices.js";
import { CsvFolderStatisticsProvider } from "./csv-folder-statistics.js";
import { CsvYieldCurveProvider } from "./csv-folder-yield-curve.js";
import { FredSeriesProvider } from "./fred-series.js";
import { HttpClient, type HttpClientOptions } from "./http-client.js";
import { type MarketDataLogger, silentLogger } from "./logger.js";
import type {
  AssetTypeResolver,
  DividendProvider,
  PriceProvider,
  StatisticsProvider,
  YieldCurveProvider,
} from "./provider-types.js";
import { SymbolLists } from "./symbol-lists.js";
import { TreasuryYieldCurveProvider } from "./treasury-yield-curve.js";

export interface MarketDataOptions {
  /** `ALPHA_VANTAGE_URL`, `ALPHA_VANTAGE_CRYPTO_META_URL`, `TREASURY_URL`, `FRED_URL` (spec defaults when absent). */
  urls?: { alphaVantage?: string; alphaVantageCryptoMeta?: string; treasury?: string; fred?: string };
  /** Where API keys are looked up first (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Folder of the key files written by `scrilla store`. */
  keyDir?: string;
  /** Folder where the symbol lists are cached (`tickers.json`, `crypto.json`). */
  staticDir?: string;
  symbolListMaxAgeMs?: number;
  /** `PRICE_DIR`: read prices from `<dir>/<TICKER>.csv` instead of AlphaVantage. */
  priceDir?: string;
  /** With `priceDir`: JSON file remembering the price files' content hashes between runs. */
  priceHashFile?: string;
  /** `DIV_DIR`: read dividends from `<dir>/<TICKER>.csv` instead of AlphaVantage. */
  dividendDir?: string;
  /** `STAT_DIR`: read the yield curve from `<dir>/daily-treasury-rates*.csv` and FRED series from `<dir>/<SERIES>.csv`. */
  statisticsDir?: string;
  http?: HttpClientOptions;
  alphaVantage?: { minIntervalMs?: number; throttleWaitMs?: number; maxThrottleWaits?: number };
  treasury?: { minIntervalMs?: number };
  fred?: { requestsPerSecond?: number };
  logger?: MarketDataLogger;
}

/** Every provider, wired to one HTTP client and one lazy key resolver. */
export interface MarketData {
  prices: PriceProvider;
  yieldCurve: YieldCurveProvider;
  dividends: DividendProvider;
  assetTypes: AssetTypeResolver;
  statistics: StatisticsProvider;
  symbolLists: SymbolLists;
  alphaVantage: AlphaVantageClient;
}

/** Builds the providers from plain options; nothing is requested and no key is read until a provider is used. */
export function createMarketData(options: MarketDataOptions = {}): MarketData {
  const logger = options.logger ?? silentLogger;
  // Known before any request, so even an error that precedes key resolution cannot echo them.
  const env = options.env ?? process.env;
  for (const name of ["ALPHA_VANTAGE_KEY", "FRED_KEY"]) registerSecret(env[name]);
  const http = new HttpClient({ logger, ...options.http });
  const keys = new ApiKeys({
    ...(options.env ? { env: options.env } : {}),
    ...(options.keyDir ? { keyDir: options.keyDir } : {}),
  });
  const alphaVantage = new AlphaVantageClient({
    keys,
    http,
    logger,
    ...(options.urls?.alphaVantage ? { baseUrl: options.urls.alphaVantage } : {}),
    ...(options.urls?.alphaVantageCryptoMeta ? { cryptoMetaUrl: options.urls.alphaVantageCryptoMeta } : {}),
    ...options.alphaVantage,
  });
  const symbolLists = new SymbolLists({
    client: alphaVantage,
    logger,
    ...(options.staticDir ? { cacheDir: options.staticDir } : {}),
    ...(options.symbolListMaxAgeMs !== undefined ? { maxAgeMs: options.symbolListMaxAgeMs } : {}),
  });
  return {
    prices: options.priceDir
      ? new CsvFolderPriceProvider({
          dir: options.priceDir,
          ...(options.priceHashFile ? { hashCacheFile: options.priceHashFile } : {}),
        })
      : new AlphaVantagePriceProvider({ client: alphaVantage, logger }),
    yieldCurve: options.statisticsDir
      ? new CsvYieldCurveProvider({ dir: options.statisticsDir })
      : new TreasuryYieldCurveProvider({
          http,
          logger,
          ...(options.urls?.treasury ? { baseUrl: options.urls.treasury } : {}),
          ...options.treasury,
        }),
    dividends: options.dividendDir
      ? new CsvFolderDividendProvider({ dir: options.dividendDir })
      : new AlphaVantageDividendProvider(alphaVantage),
    assetTypes: new ListAssetTypeResolver(symbolLists),
    statistics: options.statisticsDir
      ? new CsvFolderStatisticsProvider({ dir: options.statisticsDir })
      : new FredSeriesProvider({
          keys,
          http,
          logger,
          ...(options.urls?.fred ? { baseUrl: options.urls.fred } : {}),
          ...options.fred,
        }),
    symbolLists,
    alphaVantage,
  };
}
