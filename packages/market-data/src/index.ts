import "./node-version.js";

export {
  AlphaVantageClient,
  type AlphaVantageClientOptions,
  type AlphaVantageRefusal,
  DEFAULT_ALPHA_VANTAGE_CRYPTO_META_URL,
  DEFAULT_ALPHA_VANTAGE_URL,
} from "./alpha-vantage-client.js";
export { AlphaVantageDividendProvider } from "./alpha-vantage-dividends.js";
export { AlphaVantagePriceProvider, type AlphaVantagePriceProviderOptions } from "./alpha-vantage-prices.js";
export { type ApiKeyName, ApiKeys, type ApiKeysOptions } from "./api-keys.js";
export { ListAssetTypeResolver } from "./asset-type-resolver.js";
export { createMarketData, type MarketData, type MarketDataOptions } from "./create-market-data.js";
export { CsvAssetTypeResolver, type CsvAssetTypeResolverOptions } from "./csv-asset-types.js";
export { CsvFolderDividendProvider, type CsvFolderDividendProviderOptions } from "./csv-folder-dividends.js";
export { CsvFolderPriceProvider, type CsvFolderPriceProviderOptions } from "./csv-folder-prices.js";
export {
  CsvFolderStatisticsProvider,
  type CsvFolderStatisticsProviderOptions,
} from "./csv-folder-statistics.js";
export {
  CsvYieldCurveProvider,
  type CsvYieldCurveProviderOptions,
  TREASURY_CSV_HEADINGS,
} from "./csv-folder-yield-curve.js";
export { DEFAULT_FRED_URL, FredSeriesProvider, type FredSeriesProviderOptions } from "./fred-series.js";
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  HttpClient,
  type HttpClientOptions,
  type HttpRequestOptions,
  type HttpResponse,
} from "./http-client.js";
export type { MarketDataLogger } from "./logger.js";
export { isSanePrice, MAX_PRICE, MIN_PRICE } from "./price-bounds.js";
export type * from "./provider-types.js";
export { type LimiterClock, RateLimiter } from "./rate-limiter.js";
export { redactSecrets } from "./redact.js";
export { StampedFileCache, type StampedFileCacheOptions } from "./stamped-file-cache.js";
export { type CachedSymbolList, type SymbolListName, SymbolLists, type SymbolListsOptions } from "./symbol-lists.js";
export { TREASURY_FIELDS } from "./treasury-fields.js";
export {
  DEFAULT_TREASURY_URL,
  parseYieldCurveXml,
  TreasuryYieldCurveProvider,
  type TreasuryYieldCurveProviderOptions,
} from "./treasury-yield-curve.js";
export { type SourcedBar, validatedBars } from "./validate-bars.js";
