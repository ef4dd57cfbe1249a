import { readdirSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliWorld, startCliWorld } from "./support/cli-harness.js";
import { WINDOW } from "./support/golden.js";

// Bad input exits 2 (runtime failures 1) with one line `scrilla: <CODE>: <message>` on stderr, nothing
// on stdout, and leaves the cache exactly as it was (row counts of every table).
let world: CliWorld;
let before: Record<string, number>;

function rowCounts(): Record<string, number> {
  const db = new DatabaseSync(world.env.SQLITE_FILE!, { readOnly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  // Short retries so the provider-failure case is quick.
  world = await startCliWorld({ HTTP_RETRIES: "1" });
  const warmUp = await world.run(["risk-profile", "ALLY", ...WINDOW, "-q"]);
  if (warmUp.code !== 0) throw new Error(`warm-up failed: ${warmUp.stderr}`);
  before = rowCounts();
}, 600_000);

afterAll(async () => {
  await world?.close();
});

const USAGE_CASES: [string, string[], RegExp][] = [
  ["unknown command", ["frobnicate", "ALLY"], /^scrilla: INVALID_INPUT: unknown command "frobnicate"/],
  ["unknown option", ["risk-profile", "ALLY", "--frob"], /^scrilla: INVALID_INPUT: unknown option '--frob'/],
  [
    "mistyped command",
    ["risk-profil", "ALLY"],
    /^scrilla: INVALID_INPUT: unknown command "risk-profil"; did you mean risk-profile\?/,
  ],
  [
    "mistyped option",
    ["rp", "ALLY", "--strat", "2021-07-14"],
    /^scrilla: INVALID_INPUT: unknown option '--strat' \(Did you mean --start\?\)/,
  ],
  [
    "bad date",
    ["risk-profile", "ALLY", "--start", "2021-02-30"],
    /^scrilla: INVALID_INPUT: --start "2021-02-30" is not a date/,
  ],
  [
    "legacy bad date",
    ["rp", "ALLY", "-start", "07/14/2021"],
    /^scrilla: INVALID_INPUT: --start "07\/14\/2021" is not a date/,
  ],
  [
    "start after end",
    ["risk-profile", "ALLY", "--start", "2021-11-19", "--end", "2021-07-14"],
    /^scrilla: INVALID_INPUT: --start 2021-11-19 is after --end 2021-07-14/,
  ],
  [
    "probability above 1",
    ["var", "ALLY", "--prob", "1.5", "--expiry", "0.5"],
    /^scrilla: INVALID_INPUT: --prob 1.5 is not a probability/,
  ],
  ["missing required options", ["var", "ALLY", ...WINDOW], /^scrilla: INVALID_INPUT: var needs --prob and --expiry/],
  [
    "too few symbols",
    ["correlation", "ALLY", ...WINDOW],
    /^scrilla: INVALID_INPUT: correlation needs at least 2 symbols, got 1/,
  ],
  ["two methods", ["risk-profile", "ALLY", "-mom", "-like"], /^scrilla: INVALID_INPUT: choose one estimation method/],
  [
    "not a number",
    ["opt", "ALLY", "BX", "--target", "lots"],
    /^scrilla: INVALID_INPUT: --target "lots" is not a number/,
  ],
];

describe("usage errors (exit 2, caught before the engine runs)", () => {
  it.each(USAGE_CASES)("%s", async (_label, args, message) => {
    const run = await world.run(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
  });
});

describe("errors from the engine and providers", () => {
  it("unknown ticker → NOT_FOUND, exit 2", async () => {
    const run = await world.run(["prices", "ZZZZ", ...WINDOW]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim()).toMatch(/^scrilla: NOT_FOUND: .*ZZZZ.*$/);
  });

  it("missing API key → API_KEY_MISSING naming the variable and `scrilla store`, exit 2", async () => {
    const run = await world.run(["prices", "DIS", ...WINDOW], { ALPHA_VANTAGE_KEY: undefined });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim()).toMatch(/^scrilla: API_KEY_MISSING: .*ALPHA_VANTAGE_KEY.*scrilla store/);
  });

  it("a failing service → PROVIDER_ERROR, exit 1; the message is one line and the stack only at LOG_LEVEL=debug", async () => {
    world.server.inject({ kind: "http-error", status: 500, times: 4, service: "alphaVantage" });
    const run = await world.run(["prices", "GLD", ...WINDOW], { LOG_LEVEL: "none" });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^scrilla: PROVIDER_ERROR: /);
    world.server.inject({ kind: "http-error", status: 500, times: 4, service: "alphaVantage" });
    const debug = await world.run(["prices", "GLD", ...WINDOW], { LOG_LEVEL: "debug" });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/scrilla: PROVIDER_ERROR: .*\n\S*Error.*\n\s+at /);
    world.server.reset();
  });

  it("a bad configuration value → CONFIG naming the variable, exit 2", async () => {
    const run = await world.run(["prices", "ALLY", ...WINDOW], { CACHE_MODE: "floppy" });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^scrilla: CONFIG: CACHE_MODE /);
  });

  it("none of the failures above changed the cache", () => {
    expect(rowCounts()).toEqual(before);
    expect(Object.values(before).some((count) => count > 0)).toBe(true);
    expect(readdirSync(world.dir)).not.toContain("frobnicate.svg");
  });
});
