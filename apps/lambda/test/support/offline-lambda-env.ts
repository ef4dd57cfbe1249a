import type { FixtureServer } from "@scrilla/market-data/testing";

/** The environment of a function whose cache is DynamoDB Local and whose providers are the loopback fixture server. */
export function offlineLambdaEnv(options: {
  dynamoEndpoint: string;
  tablePrefix: string;
  fixtures: FixtureServer;
  alphaVantageKey: string;
}): Record<string, string> {
  const { urls } = options.fixtures;
  return {
    CACHE_MODE: "dynamodb",
    DYNAMODB_ENDPOINT: options.dynamoEndpoint,
    DYNAMO_TABLE_PREFIX: options.tablePrefix,
    ALPHA_VANTAGE_URL: urls.alphaVantage,
    ALPHA_VANTAGE_CRYPTO_META_URL: urls.alphaVantageCryptoMeta,
    TREASURY_URL: urls.treasury,
    FRED_URL: urls.fred,
    ALPHA_VANTAGE_KEY: options.alphaVantageKey,
  };
}
