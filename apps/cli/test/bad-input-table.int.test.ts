import { join } from "node:path";
import { cacheFingerprint } from "@scrilla/cache/testing";
import type { Fault } from "@scrilla/market-data/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliWorld, startCliWorld } from "./support/cli-harness.js";

const W = ["--start", "2021-07-14", "--end", "2021-11-19"];
const VAR = ["var", "ALLY", ...W, "--probability", "0.05", "--expiry"];

interface Row {
  args: string[];
  env?: Record<string, string | undefined>;
  fault?: Fault;
  exit: number;
  says: RegExp;
}

const avBody = (series: Record<string, Record<string, string>>): Fault => ({
  kind: "body",
  service: "alphaVantage",
  contentType: "application/json",
  body: JSON.stringify({ "Meta Data": { "2. Symbol": "BX" }, "Time Series (Daily)": series }),
});
const day = (close: string) => ({ "1. open": "1.0", "4. close": close });

/** Input → exit code and the one line on stderr. Every row must leave the SQLite cache byte-for-byte unchanged. */
const ROWS: Row[] = [
  // Horizons, probabilities, amounts, rates, steps: bounded and finite.
  { args: [...VAR, "1e308"], exit: 2, says: /INVALID_INPUT: Option expiry must be at most 100 years/ },
  { args: [...VAR, "Infinity"], exit: 2, says: /INVALID_INPUT: .*expiry/ },
  { args: [...VAR, "0"], exit: 2, says: /INVALID_INPUT: --expiry must be a positive number of years/ },
  { args: [...VAR, "abc"], exit: 2, says: /INVALID_INPUT: .*expiry/ },
  {
    args: ["var", "ALLY", ...W, "--expiry", "1", "--probability", "1"],
    exit: 2,
    says: /--prob 1 is not a probability; .*strictly between 0 and 1/,
  },
  {
    args: ["var", "ALLY", ...W, "--expiry", "1", "--probability", "0"],
    exit: 2,
    says: /--prob 0 is not a probability/,
  },
  {
    args: ["var", "ALLY", ...W, "--expiry", "1", "--probability", "NaN"],
    exit: 2,
    says: /INVALID_INPUT: --prob "NaN" is not a number/,
  },
  { args: ["var", "ALLY", ...W, "--expiry", "1"], exit: 2, says: /INVALID_INPUT: var needs --prob/ },
  {
    args: ["cvar", "ALLY", ...W, "--expiry", "1e308", "--probability", "0.05"],
    exit: 2,
    says: /expiry must be at most 100 years/,
  },
  { args: ["opt", "ALLY", "BX", ...W, "--investment", "1e308"], exit: 2, says: /investment must be at most 1e\+12/ },
  { args: ["opt", "ALLY", "BX", ...W, "--investment", "0"], exit: 2, says: /--invest must be a positive amount/ },
  { args: ["opt", "ALLY", "BX", ...W, "--investment", "abc"], exit: 2, says: /--invest "abc" is not a number/ },
  {
    args: ["opt", "ALLY", "BX", ...W, "--target", "1e308"],
    exit: 2,
    says: /target must be an annual return from -10 to 10/,
  },
  { args: ["ddm", "ALLY", "--discount", "0"], exit: 2, says: /discount must be a positive rate/ },
  { args: ["ddm", "ALLY", "--discount", "1e9"], exit: 2, says: /discount must be at most 10/ },
  { args: ["efficient-frontier", "ALLY", "BX", ...W, "--steps", "1001"], exit: 2, says: /steps must be at most 1000/ },
  { args: ["efficient-frontier", "ALLY", "BX", ...W, "--steps", "0"], exit: 2, says: /INVALID_INPUT: .*steps/ },
  { args: ["efficient-frontier", "ALLY", "BX", ...W, "--steps", "2.5"], exit: 2, says: /INVALID_INPUT: .*steps/ },
  // Symbols: real tickers, each once, in the number the command takes.
  { args: ["opt", "ALLY", "ALLY", ...W], exit: 2, says: /INVALID_INPUT: ALLY is listed twice/ },
  { args: ["opt", "ALLY", "ally", ...W], exit: 2, says: /INVALID_INPUT: ALLY is listed twice/ },
  { args: ["correlation", "ALLY", "BX", "ALLY", ...W], exit: 2, says: /ALLY is listed twice/ },
  { args: ["opt", "ALLY", ...W], exit: 2, says: /INVALID_INPUT: .*at least 2/ },
  { args: ["correlation", "ALLY", ...W], exit: 2, says: /INVALID_INPUT: .*at least 2/ },
  { args: ["risk-profile", ...W], exit: 2, says: /INVALID_INPUT: .*at least 1/ },
  { args: ["risk-profile", "../etc/passwd", ...W], exit: 2, says: /INVALID_INPUT: .*not a ticker/ },
  { args: ["risk-profile", "SP Y", ...W], exit: 2, says: /INVALID_INPUT: .*ticker/ },
  { args: ["interest", "FOO", ...W], exit: 2, says: /INVALID_INPUT: .*FOO/ },
  { args: ["frobnicate", "ALLY"], exit: 2, says: /INVALID_INPUT: unknown command "frobnicate"/ },
  // Dates and enums.
  {
    args: ["risk-profile", "ALLY", "--start", "2021-02-30"],
    exit: 2,
    says: /INVALID_INPUT: --start "2021-02-30" is not a date/,
  },
  { args: ["risk-profile", "ALLY", "--start", "2021-13-01"], exit: 2, says: /INVALID_INPUT: --start "2021-13-01"/ },
  { args: ["risk-profile", "ALLY", "--start", "21-01-01"], exit: 2, says: /INVALID_INPUT: --start "21-01-01"/ },
  {
    args: ["risk-profile", "ALLY", "--start", "2021-11-19", "--end", "2021-07-14"],
    exit: 2,
    says: /INVALID_INPUT: --start 2021-11-19 is after --end 2021-07-14/,
  },
  { args: ["risk-profile", "ALLY", ...W, "--method", "foo"], exit: 2, says: /--method must be one of/ },
  { args: ["risk-profile", "ALLY", ...W, "--__proto__", "1"], exit: 2, says: /unknown option '--__proto__'/ },
  { args: ["risk-profile", "ALLY", ...W, "--constructor", "1"], exit: 2, says: /unknown option '--constructor'/ },
  { args: ["risk-profile", "ALLY", ...W, "--frobnicate"], exit: 2, says: /unknown option '--frobnicate'/ },
  // Configuration: documented bounds, enums and http(s)-only URLs.
  {
    args: ["efficient-frontier", "ALLY", "BX", ...W],
    env: { FRONTIER_STEPS: "1001" },
    exit: 2,
    says: /CONFIG: FRONTIER_STEPS must be a whole number from 1 to 1000/,
  },
  {
    args: ["efficient-frontier", "ALLY", "BX", ...W],
    env: { FRONTIER_STEPS: "1e9" },
    exit: 2,
    says: /CONFIG: FRONTIER_STEPS/,
  },
  {
    args: ["risk-profile", "ALLY", ...W],
    env: { HTTP_RETRIES: "1e9" },
    exit: 2,
    says: /CONFIG: HTTP_RETRIES must be a whole number from 0 to 10/,
  },
  { args: ["risk-profile", "ALLY", ...W], env: { HTTP_RETRIES: "-1" }, exit: 2, says: /CONFIG: HTTP_RETRIES/ },
  { args: ["risk-profile", "ALLY", ...W], env: { HTTP_TIMEOUT_MS: "0" }, exit: 2, says: /CONFIG: HTTP_TIMEOUT_MS/ },
  {
    args: ["risk-profile", "ALLY", ...W],
    env: { LOG_LEVEL: "loud" },
    exit: 2,
    says: /CONFIG: LOG_LEVEL must be one of none, info, debug, verbose/,
  },
  {
    args: ["risk-profile", "ALLY", ...W],
    env: { CACHE_MEMORY_ENTRIES: "1e12" },
    exit: 2,
    says: /CONFIG: CACHE_MEMORY_ENTRIES must be a whole number from 1 to 1000000/,
  },
  {
    args: ["risk-profile", "ALLY", ...W],
    env: { CACHE_MEMORY_ENTRIES: "0" },
    exit: 2,
    says: /CONFIG: CACHE_MEMORY_ENTRIES/,
  },
  {
    args: ["risk-profile", "ALLY", ...W],
    env: { ALPHA_VANTAGE_URL: "file:///etc/passwd" },
    exit: 2,
    says: /CONFIG: ALPHA_VANTAGE_URL must be an http:\/\/ or https:\/\/ URL/,
  },
  {
    args: ["risk-profile", "ALLY", ...W],
    env: { ALPHA_VANTAGE_URL: "data:text/plain,hello" },
    exit: 2,
    says: /CONFIG: ALPHA_VANTAGE_URL/,
  },
  {
    args: ["risk-profile", "ALLY", ...W],
    env: { TREASURY_URL: "ftp://example.com/" },
    exit: 2,
    says: /CONFIG: TREASURY_URL/,
  },
  { args: ["risk-profile", "ALLY", ...W], env: { FRED_URL: "javascript:alert(1)" }, exit: 2, says: /CONFIG: FRED_URL/ },
  {
    args: ["risk-profile", "ALLY", ...W],
    env: { ALPHA_VANTAGE_CRYPTO_META_URL: "not a url" },
    exit: 2,
    says: /CONFIG: ALPHA_VANTAGE_CRYPTO_META_URL/,
  },
  {
    args: ["risk-profile", "ALLY", ...W],
    env: { DYNAMODB_ENDPOINT: "file:///tmp/x" },
    exit: 2,
    says: /CONFIG: DYNAMODB_ENDPOINT/,
  },
  { args: ["risk-profile", "ALLY", ...W], env: { CACHE_MODE: "mongo" }, exit: 2, says: /CONFIG: CACHE_MODE/ },
  {
    args: ["risk-profile", "ALLY", ...W],
    env: { DEFAULT_ESTIMATION_METHOD: "foo" },
    exit: 2,
    says: /CONFIG: DEFAULT_ESTIMATION_METHOD/,
  },
  {
    args: ["risk-profile", "ALLY", ...W],
    env: { RISK_FREE: "FOO" },
    exit: 2,
    says: /CONFIG: RISK_FREE must be a maturity/,
  },
  { args: ["risk-profile", "ALLY", ...W], env: { RISK_FREE_RATE: "5" }, exit: 2, says: /CONFIG: RISK_FREE_RATE/ },
  { args: ["risk-profile", "ALLY", ...W], env: { MA_1: "0" }, exit: 2, says: /CONFIG: MA_1/ },
  {
    args: ["risk-profile", "ALLY", ...W],
    env: { DEFAULT_ANALYSIS_PERIOD: "1e9" },
    exit: 2,
    says: /CONFIG: DEFAULT_ANALYSIS_PERIOD/,
  },
  {
    args: ["risk-profile", "ALLY", ...W],
    env: { SCRILLA_TODAY: "2021-02-30" },
    exit: 2,
    says: /CONFIG: .*SCRILLA_TODAY/,
  },
  {
    args: ["risk-profile", "ALLY", ...W],
    env: { PRICE_MANAGER: "csv" },
    exit: 2,
    says: /CONFIG: PRICE_MANAGER=csv needs PRICE_DIR/,
  },
  // Bad provider data: refused before the cache sees it.
  {
    args: ["prices", "BX", ...W],
    fault: avBody({}),
    exit: 1,
    says: /PROVIDER_ERROR: AlphaVantage sent an empty price series for BX/,
  },
  {
    args: ["prices", "BX", ...W],
    fault: avBody({ "2021-11-19": day("2.0"), "2021-11-18": day("0") }),
    exit: 1,
    says: /PROVIDER_ERROR: AlphaVantage BX 2021-11-18: the close 0/,
  },
  {
    args: ["prices", "BX", ...W],
    fault: avBody({ "2021-11-19": day("1e308") }),
    exit: 1,
    says: /PROVIDER_ERROR: AlphaVantage BX 2021-11-19: the close 1e\+308/,
  },
  {
    args: ["prices", "BX", ...W],
    fault: avBody({ "2021-02-30": day("2.0") }),
    exit: 1,
    says: /PROVIDER_ERROR: .*"2021-02-30" is not a real date/,
  },
  {
    args: ["prices", "BX", ...W],
    fault: avBody({ "2021-11-19": day("-3") }),
    exit: 1,
    says: /PROVIDER_ERROR: .*the close -3/,
  },
];

let world: CliWorld;
beforeAll(async () => {
  world = await startCliWorld();
  // A warm cache: every bad row below must leave exactly this behind.
  const seeded = await world.run(["risk-profile", "ALLY", "SPY", ...W]);
  expect(seeded.code, seeded.stderr).toBe(0);
}, 120_000);
afterAll(async () => world?.close());

describe(`bad input: ${ROWS.length} rows, each a non-zero exit with one line on stderr and the cache unchanged`, () => {
  it("has at least 60 rows", () => expect(ROWS.length).toBeGreaterThanOrEqual(60));

  for (const row of ROWS) {
    const label = `${
      row.env
        ? `${Object.entries(row.env)
            .map(([k, v]) => `${k}=${v}`)
            .join(" ")} `
        : ""
    }${row.args.join(" ")}${row.fault ? " (provider fault)" : ""}`;
    it(label, async () => {
      const file = join(world.dir, "cache.db");
      const before = cacheFingerprint(file);
      if (row.fault) world.server.inject(row.fault);
      const run = await world.run(row.args, row.env);
      const lines = run.stderr
        .split("\n")
        .filter((line) => line.startsWith("scrilla: ") && !line.startsWith("scrilla: info:"));
      expect({ exit: run.code, stdout: run.stdout }).toEqual({ exit: row.exit, stdout: "" });
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(row.says);
      expect(cacheFingerprint(file)).toEqual(before);
      world.server.reset();
    });
  }
});
