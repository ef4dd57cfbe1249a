import { isMaturity, type Maturity, ScrillaError } from "@scrilla/core";
import * as z from "zod/mini";
import { BOUNDS } from "./bounds.js";
import { expandDataDir } from "./data-dir.js";
import "./zod-messages.js";

/** scrilla's LOG_LEVEL values (spec §10.5); `verbose` is the original's spelling of debug. */
export const LOG_LEVELS = ["none", "info", "debug", "verbose"] as const;

/** A whole-number variable with a default and its documented bounds ({@link BOUNDS}). */
const wholeNumber = (fallback: number, bounds: { min: number; max: number }) =>
  optionalString((v, ctx) => {
    if (v === undefined || v.trim() === "") return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < bounds.min || n > bounds.max) {
      return reject(ctx, `must be a whole number from ${bounds.min} to ${bounds.max}, got "${v}"`);
    }
    return n;
  });

/** An optional string variable turned into its value by `convert` (which may reject it). */
const optionalString = <T>(convert: (v: string | undefined, ctx: z.core.ParsePayload) => T) =>
  z.pipe(z.optional(z.string()), z.transform(convert));

/** Records why a variable is invalid; the value returned in its place is never used. */
function reject(ctx: z.core.ParsePayload, message: string): never {
  ctx.issues.push({ code: "custom", message, input: ctx.value });
  return z.NEVER as never;
}

/** Only http(s): a provider URL is fetched, and file:, data: or ftp: would read something else entirely. */
const httpUrl = (fallback: string) =>
  z._default(z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }), fallback);

const stripQuotes = (v: string) => v.trim().replace(/^['"]|['"]$/g, "");

const nonEmpty = z.optional(z.string().check(z.minLength(1)));

const envSchema = z.object({
  CACHE_MODE: z._default(z.enum(["sqlite", "dynamodb"]), "sqlite"),
  SQLITE_FILE: nonEmpty,
  DYNAMO_TABLE_PREFIX: z._default(z.string(), ""),
  DYNAMO_CONF: z.optional(z.string()),
  DYNAMO_PROVISION: z.optional(z.enum(["auto", "never"])),
  DYNAMODB_ENDPOINT: z.optional(z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })),
  /** One DynamoDB request's deadline (the SDK makes 3 attempts): an endpoint that never answers ends in time. */
  DYNAMODB_TIMEOUT_MS: wholeNumber(30_000, BOUNDS.timeoutMs),
  CACHE_MEMORY_ENTRIES: wholeNumber(256, BOUNDS.cacheEntries),
  PRICE_MANAGER: z._default(z.enum(["alpha_vantage", "csv"]), "alpha_vantage"),
  PRICE_DIR: nonEmpty,
  STAT_MANAGER: z._default(z.enum(["treasury", "csv"]), "treasury"),
  DIV_MANAGER: z._default(z.enum(["alpha_vantage", "csv"]), "alpha_vantage"),
  /** Offline files: DATA_DIR sets every *_MANAGER=csv and *_DIR below at once (config/data-dir.ts). */
  DATA_DIR: nonEmpty,
  DIV_DIR: nonEmpty,
  STAT_DIR: nonEmpty,
  ALPHA_VANTAGE_URL: httpUrl("https://www.alphavantage.co/query"),
  ALPHA_VANTAGE_CRYPTO_META_URL: httpUrl("https://www.alphavantage.co/digital_currency_list/"),
  TREASURY_URL: httpUrl("https://home.treasury.gov/resource-center/data-chart-center"),
  FRED_URL: httpUrl("https://api.stlouisfed.org/fred/series/observations"),
  RISK_FREE: optionalString((v = "TEN_YEAR", ctx) => {
    const m = stripQuotes(v).toUpperCase();
    if (!isMaturity(m)) return reject(ctx, `must be a maturity such as TEN_YEAR, got "${v}"`);
    return m as Maturity;
  }),
  /** A fixed risk-free rate (decimal) instead of the Treasury yield, e.g. offline. */
  RISK_FREE_RATE: optionalString((v, ctx) => {
    if (v === undefined || v.trim() === "") return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= -1 || n >= 1) return reject(ctx, `must be a decimal rate such as 0.04, got "${v}"`);
    return n;
  }),
  MARKET_PROXY: optionalString((v = "SPY") => stripQuotes(v).toUpperCase()),
  DEFAULT_ESTIMATION_METHOD: z._default(z.enum(["moments", "percentiles", "likelihood"]), "moments"),
  DEFAULT_ANALYSIS_PERIOD: wholeNumber(100, BOUNDS.periodDays),
  FRONTIER_STEPS: wholeNumber(5, BOUNDS.steps),
  MA_1: wholeNumber(20, BOUNDS.periodDays),
  MA_2: wholeNumber(60, BOUNDS.periodDays),
  MA_3: wholeNumber(100, BOUNDS.periodDays),
  HTTP_TIMEOUT_MS: wholeNumber(30_000, BOUNDS.timeoutMs),
  HTTP_RETRIES: wholeNumber(3, BOUNDS.retries),
  HTTP_BACKOFF_MS: wholeNumber(500, { ...BOUNDS.waitMs, min: 1 }),
  ALPHA_VANTAGE_MIN_INTERVAL_MS: wholeNumber(1_000, BOUNDS.waitMs),
  ALPHA_VANTAGE_THROTTLE_WAIT_MS: wholeNumber(30_000, BOUNDS.waitMs),
  ALPHA_VANTAGE_MAX_THROTTLE_WAITS: wholeNumber(3, BOUNDS.retries),
  /** Single flight on DynamoDB: a dead fetcher's lease lapses after FETCH_LEASE_MS; others wait FETCH_WAIT_MS. */
  FETCH_LEASE_MS: wholeNumber(60_000, BOUNDS.timeoutMs),
  FETCH_WAIT_MS: wholeNumber(10_000, BOUNDS.waitMs),
  /** Read by the CLI and Lambda loggers; checked here so a typo is an error, not silently `info`. */
  LOG_LEVEL: optionalString((v, ctx) => {
    const level = v?.trim().toLowerCase();
    if (level === undefined || level === "") return undefined;
    if (!LOG_LEVELS.includes(level as (typeof LOG_LEVELS)[number])) {
      return reject(ctx, `must be one of ${LOG_LEVELS.join(", ")}, got "${v}"`);
    }
    return level as (typeof LOG_LEVELS)[number];
  }),
  SCRILLA_HOME: nonEmpty,
});

export type EngineConfig = z.output<typeof envSchema>;

/** Validates scrilla's environment once (spec §10.5 names); a bad value names its variable. */
export function loadConfig(given: Record<string, string | undefined> = process.env): EngineConfig {
  const env = expandDataDir(given);
  const relevant: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== "") relevant[key] = value;
  }
  const parsed = envSchema.safeParse(relevant);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    throw new ScrillaError("CONFIG", `${variable} ${issue.message}; fix or unset ${variable}.`, { variable });
  }
  if (parsed.data.PRICE_MANAGER === "csv" && !parsed.data.PRICE_DIR) {
    throw new ScrillaError(
      "CONFIG",
      "PRICE_MANAGER=csv needs PRICE_DIR, the folder of <TICKER>.csv files (or set DATA_DIR).",
      {
        variable: "PRICE_DIR",
      },
    );
  }
  for (const [manager, dir, what] of [
    ["DIV_MANAGER", "DIV_DIR", "the folder of <TICKER>.csv dividend files"],
    ["STAT_MANAGER", "STAT_DIR", "the folder of daily-treasury-rates.csv and <SERIES>.csv files"],
  ] as const) {
    if (parsed.data[manager] === "csv" && !parsed.data[dir]) {
      throw new ScrillaError("CONFIG", `${manager}=csv needs ${dir}, ${what} (or set DATA_DIR).`, { variable: dir });
    }
  }
  return parsed.data;
}
