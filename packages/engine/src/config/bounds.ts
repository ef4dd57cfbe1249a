/**
 * The documented limits of every numeric setting and option (README "Bounds"): shared by the environment schema
 * and the command options schema, so `FRONTIER_STEPS` and `--steps` stop at the same place. Each maximum is far
 * beyond sensible use and well inside what the arithmetic can carry without Infinity or NaN.
 */
export const BOUNDS = {
  /** Efficient-frontier points: `FRONTIER_STEPS`, `--steps`. */
  steps: { min: 1, max: 1000 },
  /** In-process LRU entries: `CACHE_MEMORY_ENTRIES`. */
  cacheEntries: { min: 1, max: 1_000_000 },
  /** Trading days of a window or moving average: `DEFAULT_ANALYSIS_PERIOD`, `MA_1`..`MA_3`. */
  periodDays: { min: 1, max: 20_000 },
  /** Retries and throttle waits: `HTTP_RETRIES`, `ALPHA_VANTAGE_MAX_THROTTLE_WAITS`. */
  retries: { min: 0, max: 10 },
  /** One HTTP attempt: `HTTP_TIMEOUT_MS`. */
  timeoutMs: { min: 1, max: 600_000 },
  /** Pauses: `HTTP_BACKOFF_MS`, `ALPHA_VANTAGE_MIN_INTERVAL_MS`, `ALPHA_VANTAGE_THROTTLE_WAIT_MS`. */
  waitMs: { min: 0, max: 600_000 },
  /** VaR/CVaR horizon in years: `--expiry`. */
  horizonYears: { max: 100 },
  /** Money to allocate: `--investment`. */
  amount: { max: 1e12 },
  /** Annual rates as decimals: `--discount` (above 0), `--target` (either sign). */
  rate: { max: 10 },
} as const;
