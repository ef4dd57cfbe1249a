import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { discountDividendModel, riskProfile } from "@scrilla/core";
import { COMMAND_SPECS, createEngine, type Engine } from "@scrilla/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMoney, formatPercent } from "../src/output/number-format.js";
import { type CliRun, inPool, jsonOf } from "./support/cli-harness.js";
import { EXAMPLES, type OfflineWorld, startOfflineWorld } from "./support/offline-world.js";
import { startServe } from "./support/serve-harness.js";

// Every command of `scrilla help`, run by the built CLI on the bundled files (DATA_DIR=examples) with
// no server, no key and no pinned date; every number is compared with the library (@scrilla/engine,
// in process, on the same files and its own cache) and the key ones with @scrilla/core on the raw files.
const PROB = ["--prob", "0.05", "--expiry", "0.5"];
type Call = { args: string[]; symbols: string[]; options: Record<string, unknown> };
const call = (symbols: string[], options: Record<string, unknown> = {}, flags: string[] = []): Call => ({
  args: [...symbols, ...flags],
  symbols,
  options,
});

/** black-litterman's --views file: what the CLI reads from disk, the library gets as the parsed object. */
const VIEWS = {
  marketCaps: { SPY: 400, GLD: 60, BX: 40 },
  riskAversion: 2.5,
  views: [{ asset: "GLD", return: 0.06, confidence: 0.5 }],
};
const VIEWS_FILE = join(mkdtempSync(join(tmpdir(), "scrilla-views-")), "views.json");
writeFileSync(VIEWS_FILE, JSON.stringify(VIEWS));

const COMPUTE: Record<string, Call> = {
  "risk-profile": call(["SPY", "GLD"]),
  correlation: call(["SPY", "GLD", "BX"]),
  correlations: call(["SPY", "GLD"]),
  "sharpe-ratio": call(["BX"]),
  "capm-beta": call(["ALLY"]),
  "capm-equity": call(["ALLY"]),
  var: call(["ALLY"], { probability: 0.05, expiry: 0.5 }, PROB),
  cvar: call(["ALLY"], { probability: 0.05, expiry: 0.5 }, PROB),
  "mov-averages": call(["SPY"]),
  "optimize-portfolio": call(["SPY", "GLD", "BX"], { sharpe: true }, ["--sharpe"]),
  "max-return": call(["SPY", "GLD", "BX"]),
  "optimize-cvar": call(["ALLY", "BX", "SPY"], { probability: 0.05, expiry: 0.5, investment: 10_000 }, [
    ...PROB,
    "--invest",
    "10000",
  ]),
  "efficient-frontier": call(["SPY", "GLD", "BX"], { steps: 3 }, ["--steps", "3"]),
  hrp: call(["SPY", "GLD", "BX"]),
  "black-litterman": call(["SPY", "GLD", "BX"], { views: VIEWS }, ["--views", VIEWS_FILE]),
  "discount-dividend-model": call(["ALLY", "BX"]),
  screen: call(["ALLY", "BX"]),
  dividends: call(["ALLY", "BX", "DIS"]),
  prices: call(["SPY", "GLD"]),
  close: call(["SPY", "ALLY"]),
  interest: call(["ONE_MONTH", "TEN_YEAR"]),
  "yield-curve": call([]),
  "risk-free": call([]),
  asset: call(["SPY", "ALLY"]),
  stat: call(["DGS10", "DGS2"]),
  stats: call(["DGS10"], { start: "2021-10-01", end: "2021-11-19" }, ["--start", "2021-10-01", "--end", "2021-11-19"]),
};

const PLOTS: Record<string, string[]> = {
  "plot-correlations": ["SPY", "GLD"],
  "plot-correlation-matrix": ["SPY", "GLD", "BX"],
  "plot-dividends": ["ALLY"],
  "plot-efficient-frontier": ["SPY", "GLD", "BX"],
  "plot-moving-averages": ["SPY"],
  "plot-return-qq": ["SPY"],
  "plot-return-distribution": ["SPY"],
  "plot-risk-profile": ["SPY", "GLD", "BX"],
  "plot-yield-curve": [],
};

// In this order: the watchlist exists before `screen` reads it, the clearing commands come last.
const ADMIN: [string, string[]][] = [
  ["help", []],
  ["version", []],
  ["watch", ["ALLY", "BX"]],
  ["watchlist", ["--json"]],
  ["store", ["--key", "fred_key", "--value", "abc"]],
  ["completion", ["bash"]],
  ["clear-static", []],
  ["clear-common", []],
  ["clear-cache", []],
  ["purge", []],
];

let world: OfflineWorld;
let library: Engine;
const runs = new Map<string, CliRun>();
let screenOfWatchlist: CliRun;

beforeAll(async () => {
  world = await startOfflineWorld();
  library = await createEngine({
    env: {
      ...world.env,
      SQLITE_FILE: join(world.dir, "library.db"),
      SCRILLA_HOME: join(world.dir, "library-home"),
    },
  });
  const warmUp = await world.run(["prices", "SPY", "GLD", "BX", "ALLY", "DIS", "--start", "2019-01-02", "-q"]);
  if (warmUp.code !== 0) throw new Error(`warm-up failed: ${warmUp.stderr}`);
  const parallel: [string, string[]][] = [
    ...Object.entries(COMPUTE).map(([name, c]): [string, string[]] => [name, [name, ...c.args, "--json"]]),
    ...Object.entries(PLOTS).map(([name, symbols]): [string, string[]] => [
      name,
      [name, ...symbols, "--save", join(world.dir, `${name}.svg`)],
    ]),
  ];
  const results = await inPool(
    parallel.map(
      ([, args]) =>
        () =>
          world.run(args),
    ),
    3,
  );
  for (const [i, [name]] of parallel.entries()) runs.set(name, results[i]!);
  for (const [name, args] of ADMIN) {
    runs.set(name, await world.run([name, ...args]));
    if (name === "watchlist") screenOfWatchlist = await world.run(["screen", "--criteria", "sharpe", "--json"]);
  }
  // ≈ 50 CLI processes, three at a time: 300 s was not enough at load average 25–30 on 2 cores (seen in the
  // issue-13 load proof), so the budget holds for a machine that busy, with room to spare.
}, 900_000);

afterAll(async () => {
  await library?.close();
  await world?.close();
});

/** Same shape; every number within 1e-12 relative of the library's. */
function expectSameNumbers(actual: unknown, expected: unknown, path = "$"): void {
  if (typeof expected === "number") {
    expect(typeof actual, path).toBe("number");
    expect(Math.abs((actual as number) - expected), path).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
    return;
  }
  if (expected === null || typeof expected !== "object") {
    expect(actual, path).toEqual(expected);
    return;
  }
  expect(actual !== null && typeof actual === "object", path).toBe(true);
  expect(Object.keys(actual as object), path).toEqual(Object.keys(expected));
  for (const [key, value] of Object.entries(expected)) {
    expectSameNumbers((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
  }
}

const csvRows = (path: string) =>
  readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));

describe("every command of scrilla help runs offline on the bundled data", () => {
  it("covers exactly the commands help lists", () => {
    const tested = [...Object.keys(COMPUTE), ...Object.keys(PLOTS), ...ADMIN.map(([name]) => name), "serve"].sort();
    expect(tested).toEqual(COMMAND_SPECS.map((spec) => spec.name).sort());
    for (const name of tested) expect(runs.get("help")!.stdout).toContain(`  ${name} (`);
  });

  it.each(Object.keys(COMPUTE))("%s prints the library's numbers", async (name) => {
    const { symbols, options } = COMPUTE[name]!;
    const printed = jsonOf(runs.get(name)!);
    expectSameNumbers(printed, await library.run(name, symbols, options));
  });

  it("screen without symbols screens the watchlist like the library does", async () => {
    expectSameNumbers(jsonOf(screenOfWatchlist), await library.run("screen", ["ALLY", "BX"], { criteria: "sharpe" }));
  });

  it.each(Object.keys(PLOTS))("%s writes an SVG and prints its path", (name) => {
    const run = runs.get(name)!;
    const path = join(world.dir, `${name}.svg`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(path);
    expect(readFileSync(path, "utf8")).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });

  it("serve answers the dashboard's API offline with the library's numbers", async () => {
    const server = await startServe([], world.env, world.dir);
    try {
      const symbols = ["ALLY", "BX", "SPY"];
      const response = await fetch(new URL(`/api/optimize-portfolio?tickers=${symbols.join(",")}`, server.url));
      expect(response.status).toBe(200);
      expectSameNumbers(await response.json(), await library.run("optimize-portfolio", symbols, {}));
    } finally {
      await server.stop();
    }
  });

  it.each(ADMIN.map(([name]) => name))("%s succeeds", (name) => {
    expect(runs.get(name)!.code, runs.get(name)!.stderr).toBe(0);
  });

  it("admin results: version, watchlist, store, completion script; clear-common removed the stored key", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(runs.get("version")!.stdout.trim()).toBe(pkg.version);
    expect(jsonOf(runs.get("watchlist")!)).toEqual(["ALLY", "BX"]);
    expect(runs.get("store")!.stderr).toContain("FRED_KEY");
    expect(runs.get("completion")!.stdout).toContain("complete -F _scrilla scrilla");
    expect(existsSync(join(world.env.SCRILLA_HOME!, "common", "FRED_KEY.json"))).toBe(false);
  });
});

describe("the numbers against @scrilla/core on the raw files", () => {
  const spy = csvRows(join(EXAMPLES, "prices", "SPY.csv"));
  const treasury = csvRows(join(EXAMPLES, "statistics", "daily-treasury-rates.csv"));

  it("close is the last Close of SPY.csv (the data's last day stands for today)", () => {
    const last = spy.at(-1)!;
    expect(last[0]).toBe("2021-11-19");
    expect(jsonOf(runs.get("close")!)).toMatchObject({ SPY: Number(last[4]) });
  });

  it("risk-profile SPY: the last 100 returns of the file, Sharpe against the 10-year yield of the day before", () => {
    const closes = Float64Array.from(spy.slice(-101), (row) => Number(row[4]));
    const expected = riskProfile(closes, { method: "moments", assetType: "equity" });
    const tenYear = Number(treasury.find((row) => row[0] === "11/18/2021")![10]) / 100;
    const printed = (jsonOf(runs.get("risk-profile")!) as Record<string, Record<string, number>>).SPY!;
    expect(printed.annual_return).toBeCloseTo(expected.annual_return, 12);
    expect(printed.annual_volatility).toBeCloseTo(expected.annual_volatility, 12);
    expect(printed.sharpe_ratio).toBeCloseTo((expected.annual_return - tenYear) / expected.annual_volatility, 12);
    expect(printed.asset_beta).toBeCloseTo(1, 12);
  });

  it("yield-curve is the 2021-11-18 row of daily-treasury-rates.csv in decimals", () => {
    const row = treasury
      .find((r) => r[0] === "11/18/2021")!
      .slice(1)
      .map(Number);
    expect(Object.values(jsonOf(runs.get("yield-curve")!) as Record<string, number>)).toEqual(
      row.map((percent) => expect.closeTo(percent / 100, 12)),
    );
  });

  it("dividends of ALLY are the rows of ALLY.csv", () => {
    const rows = csvRows(join(EXAMPLES, "dividends", "ALLY.csv"));
    const printed = (jsonOf(runs.get("dividends")!) as Record<string, Record<string, number>>).ALLY;
    expect(printed).toEqual(Object.fromEntries(rows.map((row) => [row[3], Number(row[4])])));
  });

  it("interest is the file's percentages over the default window ending on the data's last day", () => {
    const printed = (jsonOf(runs.get("interest")!) as Record<string, Record<string, number>>).TEN_YEAR!;
    const dates = Object.keys(printed);
    expect(dates.at(-1)).toBe("2021-11-19");
    const iso = (us: string) => `${us.slice(6)}-${us.slice(0, 2)}-${us.slice(3, 5)}`;
    const fromFile = treasury.filter((row) => iso(row[0]!) >= dates[0]!).map((row) => [iso(row[0]!), Number(row[10])]);
    expect(printed).toEqual(Object.fromEntries(fromFile));
  });

  it("discount-dividend-model discounts ALLY.csv's payments at the cost of equity capm-equity prints", async () => {
    const payments = csvRows(join(EXAMPLES, "dividends", "ALLY.csv")).map((row) => ({
      date: row[3]!,
      amount: Number(row[4]),
    }));
    const equity = (await library.run("capm-equity", ["ALLY"], {})) as Record<string, { equity_cost: number }>;
    expect((jsonOf(runs.get("capm-equity")!) as typeof equity).ALLY!.equity_cost).toBeCloseTo(
      equity.ALLY!.equity_cost,
      12,
    );
    const expected = discountDividendModel({
      dividends: payments,
      discountRate: equity.ALLY!.equity_cost,
      today: "2021-11-19",
    });
    const printed = jsonOf(runs.get("discount-dividend-model")!) as Record<string, { discount_dividend: number }>;
    expect(printed.ALLY!.discount_dividend).toBeCloseTo(expected.npv, 9);
  });

  it("stats DGS10 is every value of DGS10.csv in the window, holidays left out", () => {
    const rows = csvRows(join(EXAMPLES, "statistics", "DGS10.csv"));
    const expected = rows.filter((row) => row[0]! >= "2021-10-01" && row[1]).map((row) => [row[0], Number(row[1])]);
    expect(jsonOf(runs.get("stats")!)).toEqual({ DGS10: Object.fromEntries(expected) });
  });

  it("stat DGS10 is the last value of DGS10.csv", () => {
    const last = csvRows(join(EXAMPLES, "statistics", "DGS10.csv"))
      .filter((row) => row[1])
      .at(-1)!;
    expect(jsonOf(runs.get("stat")!)).toMatchObject({ DGS10: Number(last[1]) });
  });
});

describe("day-one rough edges", () => {
  it("says once on stderr which day stands for today", () => {
    const notes = runs
      .get("close")!
      .stderr.split("\n")
      .filter((line) => line.includes("latest date in PRICE_DIR"));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^scrilla: info: .*2021-11-19.*SCRILLA_TODAY/);
  });

  it("optimize-cvar prints the CVaR as a percentage, and in money only with --invest", async () => {
    const [plain, invested] = await Promise.all([
      world.run(["optimize-cvar", "ALLY", "BX", "SPY", ...PROB]),
      world.run(["optimize-cvar", "ALLY", "BX", "SPY", ...PROB, "--invest", "10000"]),
    ]);
    const numbers = jsonOf(runs.get("optimize-cvar")!) as Record<string, number>;
    const line = (run: CliRun, key: string) => run.stdout.split("\n").find((l) => l.trim().startsWith(`${key} `));
    expect(line(plain, "conditional_value_at_risk")).toContain(formatPercent(numbers.conditional_value_at_risk!));
    expect(line(plain, "conditional_value_at_risk")).not.toContain("$");
    expect(line(plain, "conditional_value_at_risk_loss")).toBeUndefined();
    expect(line(invested, "conditional_value_at_risk")).toContain(formatPercent(numbers.conditional_value_at_risk!));
    expect(line(invested, "conditional_value_at_risk_loss")).toContain(
      formatMoney(numbers.conditional_value_at_risk! * numbers.total!),
    );
  });

  it("store rejects a key scrilla does not use, listing the known ones", async () => {
    const run = await world.run(["store", "--key", "IEX_KEY", "--value", "abc"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("IEX_KEY");
    expect(run.stderr).toContain("ALPHA_VANTAGE_KEY, FRED_KEY");
    expect(existsSync(join(world.env.SCRILLA_HOME!, "common", "IEX_KEY.json"))).toBe(false);
  });

  it("a window without Treasury data names RISK_FREE_RATE, which then carries on", async () => {
    const missing = await world.run(["sharpe-ratio", "SPY", "--start", "2020-06-01", "--end", "2020-12-31", "--json"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/NO_PRICES: .*RISK_FREE_RATE/);
    const fixed = await world.run(["sharpe-ratio", "SPY", "--start", "2020-06-01", "--end", "2020-12-31", "--json"], {
      RISK_FREE_RATE: "0.01",
    });
    const withRate = await createEngine({
      env: { ...world.env, RISK_FREE_RATE: "0.01", SQLITE_FILE: join(world.dir, "fixed.db") },
    });
    try {
      const expected = await withRate.run("sharpe-ratio", ["SPY"], { start: "2020-06-01", end: "2020-12-31" });
      expectSameNumbers(jsonOf(fixed), expected);
    } finally {
      await withRate.close();
    }
  });
});
