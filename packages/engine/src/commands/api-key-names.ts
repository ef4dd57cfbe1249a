import type { ApiKeyName } from "@scrilla/market-data";

// A record, not a list, so that the compiler rejects it when market-data learns a key it lacks.
const KEYS: Record<ApiKeyName, true> = { ALPHA_VANTAGE_KEY: true, FRED_KEY: true };

/** The API keys scrilla reads (environment variable or `scrilla store` key file), for `store --key`. */
export const API_KEY_NAMES = Object.keys(KEYS) as readonly ApiKeyName[];
