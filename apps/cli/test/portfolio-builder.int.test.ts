import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliWorld, jsonOf, startCliWorld } from "./support/cli-harness.js";
import { CLOSES, WINDOW } from "./support/golden.js";

/** The recorded GLD close of 2021-11-19 (fixtures/alphavantage/TIME_SERIES_DAILY/GLD.json). */
const GLD_2021_11_19 = 172.61;

// The portfolio-builder options end to end: the built CLI, the real engine, SQLite and the fixture server.
let world: CliWorld;

beforeAll(async () => {
  world = await startCliWorld();
}, 120_000);
afterAll(async () => world?.close());

interface Allocation {
  holdings: { ticker: string; allocation: number; shares?: number }[];
  portfolio_volatility: number;
  total?: number;
  leftover?: number;
  allocation_method?: string;
  allocation_rmse?: number;
  estimators?: { mean: string; risk_model: string; returns: string; shrinkage?: number };
}

describe("scrilla optimize-portfolio with --mean, --risk-model, --returns, --allocation", () => {
  it("Ledoit–Wolf (constant correlation) on log returns with geometric means, exact whole shares", async () => {
    const run = await world.run([
      "opt",
      "SPY",
      "GLD",
      ...WINDOW,
      "--mean",
      "geometric",
      "--risk-model",
      "ledoit-wolf-constant-correlation",
      "--returns",
      "log",
      "--invest",
      "10000",
      "--allocation",
      "exact",
      "--json",
    ]);
    expect(run.stderr).not.toContain("ignored");
    expect(run.code).toBe(0);
    const result = jsonOf(run) as Allocation;
    expect(result.estimators).toMatchObject({
      mean: "geometric",
      risk_model: "ledoit-wolf-constant-correlation",
      returns: "log",
    });
    expect(result.estimators!.shrinkage).toBeGreaterThanOrEqual(0);
    expect(result.estimators!.shrinkage).toBeLessThanOrEqual(1);
    expect(result.holdings.reduce((s, h) => s + h.allocation, 0)).toBeCloseTo(1, 6);
    expect(result.allocation_method).toBe("exact");
    expect(result.total!).toBeLessThanOrEqual(10_000);
    expect(result.total! + result.leftover!).toBeCloseTo(10_000, 8);
    const spy = result.holdings.find((h) => h.ticker === "SPY")!;
    expect(Number.isInteger(spy.shares)).toBe(true);
    // RMSE recomputed from the printed weights, shares and the recorded closes (allocations are rounded to 7 dp).
    const closes: Record<string, number> = { SPY: CLOSES.SPY_2021_11_19, GLD: GLD_2021_11_19 };
    const squares = result.holdings.map((h) => (h.allocation - (h.shares! * closes[h.ticker]!) / 10_000) ** 2);
    expect(Math.abs(result.allocation_rmse! - Math.sqrt((squares[0]! + squares[1]!) / 2))).toBeLessThan(1e-6);
  });

  it("exact is never worse than greedy; without --allocation the output keeps its keys", async () => {
    const args = ["opt", "ALLY", "BX", "SPY", ...WINDOW, "--invest", "5000", "--json"];
    const [plain, greedy, exact] = await Promise.all([
      world.run(args),
      world.run([...args, "--allocation", "greedy"]),
      world.run([...args, "--allocation", "exact"]),
    ]);
    const [p, g, e] = [plain, greedy, exact].map((run) => jsonOf(run) as Allocation);
    expect(p!.allocation_method).toBeUndefined();
    expect(p!.estimators).toBeUndefined();
    expect(e!.allocation_rmse!).toBeLessThanOrEqual(g!.allocation_rmse! + 1e-15);
    expect(p!.holdings.map((h) => h.allocation)).toEqual(e!.holdings.map((h) => h.allocation));
  });

  it.each([
    [["--risk-model", "ledoit"], "--risk-model must be one of sample, semicov, ewma"],
    [["--mean", "median"], "--mean must be one of gbm, arithmetic"],
    [["--returns", "log"], "--returns chooses the returns of --mean and --risk-model"],
    [["--allocation", "exact"], "add --invest"],
  ])("%j exits non-zero with INVALID_INPUT: %s", async (extra, message) => {
    const run = await world.run(["opt", "SPY", "GLD", ...WINDOW, ...extra, "--json"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
  });

  it("scrilla help lists the new options, and help opt shows that the command reads them", async () => {
    const [all, opt] = await Promise.all([world.run(["help"]), world.run(["help", "opt"])]);
    for (const flag of ["--returns", "--mean", "--risk-model", "--allocation"]) {
      expect(all.stdout).toContain(flag);
      expect(opt.stdout).toContain(flag);
    }
    expect(all.stdout).toContain("ledoit-wolf[-single-factor|-constant-correlation]");
  });
});
