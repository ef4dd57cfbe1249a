import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, type CliWorld, inPool, jsonOf, startCliWorld } from "./support/cli-harness.js";
import { moments, PEARSON, WINDOW } from "./support/golden.js";

// The issue-11 optimisers end to end: the built CLI, the real engine, SQLite and the fixture server.
const RUNS = {
  targetVolatility: ["opt", "SPY", "GLD", ...WINDOW, "--target-volatility", "0.1", "--json"],
  short: ["opt", "ALLY", "BX", "SPY", ...WINDOW, "--short", "--target", "0.5", "--json"],
  sectors: ["opt", "ALLY", "BX", "SPY", ...WINDOW, "--sectors", "sectors.json", "--target", "0.4", "--json"],
  badSectors: ["opt", "ALLY", "BX", "SPY", ...WINDOW, "--sectors", "infeasible.json", "--json"],
  turnover: ["opt", "SPY", "GLD", ...WINDOW, "--max-turnover", "0.1", "--current", "current.json", "--json"],
  costs: ["opt", "SPY", "GLD", ...WINDOW, "--cost-rate", "costs.json", "--current", "current.json", "--json"],
  costsHold: ["opt", "SPY", "GLD", ...WINDOW, "--cost-rate", "1", "--current", "current.json", "--json"],
  costsWithoutCurrent: ["opt", "SPY", "GLD", ...WINDOW, "--cost-rate", "0.001", "--json"],
  sharpeShort: ["opt", "SPY", "GLD", ...WINDOW, "--sharpe", "--short", "--json"],
  sharpeLong: ["opt", "SPY", "GLD", ...WINDOW, "--sharpe", "--json"],
  sharpeRisk: ["opt", "SPY", "GLD", ...WINDOW, "--sharpe", "--risk", "cdar", "--json"],
  cvar: ["opt", "ALLY", "BX", "SPY", ...WINDOW, "--risk", "cvar-historical", "--json"],
  cdarFrontier: ["ef", "ALLY", "BX", "SPY", ...WINDOW, "--risk", "cdar", "--steps", "3", "--json"],
  sectorsFrontier: ["ef", "ALLY", "BX", "SPY", ...WINDOW, "--sectors", "sectors.json", "--steps", "3", "--json"],
  plotLong: ["plot-ef", "ALLY", "BX", "SPY", ...WINDOW, "--steps", "3", "--save", "long.svg"],
  plotShort: ["plot-ef", "ALLY", "BX", "SPY", ...WINDOW, "--short", "--steps", "3", "--save", "short.svg"],
  hrp: ["hrp", "SPY", "GLD", ...WINDOW, "--json"],
  blackLitterman: ["bl", "SPY", "GLD", ...WINDOW, "--views", "views.json", "--json"],
  badRisk: ["opt", "SPY", "GLD", ...WINDOW, "--risk", "variance", "--json"],
  plotCvar: [
    "plot-ef",
    "ALLY",
    "BX",
    "SPY",
    ...WINDOW,
    "--risk",
    "cvar-historical",
    "--steps",
    "3",
    "--save",
    "cvar.svg",
  ],
} satisfies Record<string, string[]>;

type RunName = keyof typeof RUNS;
type Allocation = {
  holdings: { ticker: string; allocation: number }[];
  portfolio_return: number;
  portfolio_volatility: number;
  risk?: number;
  expected_return?: number;
  risk_measure?: string;
  prior_returns?: Record<string, number>;
  transaction_cost?: number;
  sharpe_ratio?: number;
  posterior_returns?: Record<string, number>;
};

let world: CliWorld;
const runs = new Map<RunName, CliRun>();

beforeAll(async () => {
  world = await startCliWorld();
  const file = (name: string, content: unknown) => writeFileSync(join(world.dir, name), JSON.stringify(content));
  file("sectors.json", { groups: { ALLY: "fin", BX: "fin", SPY: "index" }, limits: { fin: { max: 0.3 } } });
  file("infeasible.json", {
    groups: { ALLY: "fin", BX: "fin", SPY: "index" },
    limits: { fin: { min: 0.8 }, index: { min: 0.5 } },
  });
  file("current.json", { SPY: 0.5, GLD: 0.5 });
  file("costs.json", { SPY: 0.001, GLD: 0.003 });
  file("views.json", {
    marketCaps: { SPY: 400, GLD: 60 },
    riskAversion: 2.5,
    views: [{ asset: "GLD", return: 0.06, confidence: 1 }],
  });
  const warmUp = await world.run(["prices", "ALLY", "BX", "SPY", "GLD", ...WINDOW, "-q"]);
  if (warmUp.code !== 0) throw new Error(`warm-up failed: ${warmUp.stderr}`);
  const names = Object.keys(RUNS) as RunName[];
  const results = await inPool(
    names.map((name) => () => world.run(RUNS[name])),
    3,
  );
  for (const [i, name] of names.entries()) runs.set(name, results[i]!);
}, 240_000);

afterAll(async () => {
  await world?.close();
});

const json = (name: RunName) => jsonOf(runs.get(name)!) as Allocation;
const weights = (allocation: Allocation) =>
  Object.fromEntries(allocation.holdings.map((h) => [h.ticker, h.allocation]));
/** Allocations are printed rounded to 7 decimals. */
const ROUNDED = 1e-6;

describe("optimize-portfolio with the new constraints and objectives", () => {
  it("--target-volatility on two assets is the larger root of σ²(x) = σ*², by hand", () => {
    const [, s1] = moments("SPY");
    const [, s2] = moments("GLD");
    const rho = PEARSON["SPY-GLD"]!;
    // x·SPY + (1 − x)·GLD: x²s1² + (1−x)²s2² + 2x(1−x)ρs1s2 = 0.01
    const a = s1 * s1 + s2 * s2 - 2 * rho * s1 * s2;
    const b = -2 * s2 * s2 + 2 * rho * s1 * s2;
    const c = s2 * s2 - 0.01;
    const x = (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
    const result = json("targetVolatility");
    expect(Math.abs(weights(result).SPY! - x)).toBeLessThanOrEqual(ROUNDED);
    expect(Math.abs(result.portfolio_volatility - 0.1)).toBeLessThanOrEqual(1e-9);
  });

  it("--short reaches the target with weights in [−1, 1] summing to 1", () => {
    const result = json("short");
    const w = Object.values(weights(result));
    expect(Math.abs(w.reduce((s, v) => s + v, 0) - 1)).toBeLessThanOrEqual(3 * ROUNDED);
    for (const v of w) expect(Math.abs(v)).toBeLessThanOrEqual(1 + 1e-9);
    expect(Math.abs(result.portfolio_return - 0.5)).toBeLessThanOrEqual(1e-9);
  });

  it("--sectors caps the group", () => {
    const w = weights(json("sectors"));
    expect(w.ALLY! + w.BX!).toBeLessThanOrEqual(0.3 + 2 * ROUNDED);
  });

  it("an infeasible sector file fails with INFEASIBLE naming the group", () => {
    const run = runs.get("badSectors")!;
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/group (fin|index)|budget/);
  });

  it("--max-turnover keeps Σ|w − current| within the cap", () => {
    const w = weights(json("turnover"));
    expect(Math.abs(w.SPY! - 0.5) + Math.abs(w.GLD! - 0.5)).toBeLessThanOrEqual(0.1 + 2 * ROUNDED);
  });

  it("--cost-rate FILE: min ½σ² + Σcᵢ|wᵢ − w⁰ᵢ| on two assets, by hand", () => {
    const [, s1] = moments("SPY");
    const [, s2] = moments("GLD");
    const rho = PEARSON["SPY-GLD"]!;
    // x·SPY + (1 − x)·GLD: ½σ²(x) = ½(a·x² + b·x + c); trading x away from 0.5 costs (0.001 + 0.003)·|x − 0.5|.
    const a = s1 * s1 + s2 * s2 - 2 * rho * s1 * s2;
    const b = -2 * s2 * s2 + 2 * rho * s1 * s2;
    const k = 0.004;
    const slope = a * 0.5 + b / 2;
    const side = -Math.sign(slope);
    const x = Math.abs(slope) <= k ? 0.5 : Math.min(1, Math.max(0, -(b / 2 + k * side) / a));
    const result = json("costs");
    const w = weights(result);
    expect(Math.abs(w.SPY! - x)).toBeLessThanOrEqual(ROUNDED);
    expect(result.transaction_cost!).toBeCloseTo(k * Math.abs(w.SPY! - 0.5), 6);
  });

  it("--cost-rate above every gain keeps the current weights; without --current it is INVALID_INPUT", () => {
    const result = json("costsHold");
    expect(weights(result)).toEqual({ SPY: 0.5, GLD: 0.5 });
    expect(result.transaction_cost!).toBeLessThan(1e-12);
    const run = runs.get("costsWithoutCurrent")!;
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("--current");
  });

  it("--sharpe --short: the two-asset tangency Σ⁻¹(μ − rf) normalised, within [−1, 1], by hand", () => {
    const [m1, s1] = moments("SPY");
    const [m2, s2] = moments("GLD");
    const c = PEARSON["SPY-GLD"]! * s1 * s2;
    const result = json("sharpeShort");
    // The engine's risk-free rate, read back from the reported ratio: rf = R − S·σ.
    const rf = result.portfolio_return - result.sharpe_ratio! * result.portfolio_volatility;
    const raw = [s2 * s2 * (m1 - rf) - c * (m2 - rf), s1 * s1 * (m2 - rf) - c * (m1 - rf)];
    const x = Math.min(1, Math.max(-1, raw[0]! / (raw[0]! + raw[1]!)));
    expect(Math.abs(weights(result).SPY! - x)).toBeLessThanOrEqual(ROUNDED);
    // Allowing shorts can only raise the best ratio.
    expect(result.sharpe_ratio!).toBeGreaterThanOrEqual(json("sharpeLong").sharpe_ratio! - 1e-9);
    const refused = runs.get("sharpeRisk")!;
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("--sharpe cannot be combined");
  });

  it("--risk cvar-historical minimises the historical CVaR and reports it", () => {
    const result = json("cvar");
    expect(result.risk_measure).toBe("cvar-historical");
    expect(result.risk).toBeGreaterThan(0);
    const w = Object.values(weights(result));
    expect(Math.abs(w.reduce((s, v) => s + v, 0) - 1)).toBeLessThanOrEqual(3 * ROUNDED);
  });

  it("efficient-frontier --risk cdar: three portfolios of rising return and risk", () => {
    const frontier = jsonOf(runs.get("cdarFrontier")!) as Allocation[];
    expect(frontier).toHaveLength(3);
    for (let k = 1; k < 3; k++) {
      expect(frontier[k]!.expected_return!).toBeGreaterThanOrEqual(frontier[k - 1]!.expected_return! - 1e-12);
      expect(frontier[k]!.risk!).toBeGreaterThanOrEqual(frontier[k - 1]!.risk! - 1e-12);
    }
  });

  it("rejects an unknown --risk", () => {
    const run = runs.get("badRisk")!;
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("cvar-historical, cdar or semivariance");
  });
});

describe("hrp and black-litterman", () => {
  it("hrp of two assets is the inverse-variance split", () => {
    const [, s1] = moments("SPY");
    const [, s2] = moments("GLD");
    const expected = 1 / s1 ** 2 / (1 / s1 ** 2 + 1 / s2 ** 2);
    expect(Math.abs(weights(json("hrp")).SPY! - expected)).toBeLessThanOrEqual(ROUNDED);
  });

  it("black-litterman with a 100 %-confident view reproduces it; the prior is δΣw", () => {
    const result = json("blackLitterman");
    expect(Math.abs(result.posterior_returns!.GLD! - 0.06)).toBeLessThanOrEqual(1e-9);
    const [, s1] = moments("SPY");
    const [, s2] = moments("GLD");
    const rho = PEARSON["SPY-GLD"]!;
    const wSpy = 400 / 460;
    const prior = 2.5 * (wSpy * s1 * s1 + (1 - wSpy) * rho * s1 * s2);
    expect(Math.abs(result.prior_returns!.SPY! - prior)).toBeLessThanOrEqual(1e-9);
  });
});

describe("efficient-frontier and plot-efficient-frontier under --sectors and --short", () => {
  it("every point of the mean-variance frontier keeps the sector cap", () => {
    const frontier = jsonOf(runs.get("sectorsFrontier")!) as Allocation[];
    expect(frontier).toHaveLength(3);
    for (const point of frontier) {
      const w = weights(point);
      expect(w.ALLY! + w.BX!).toBeLessThanOrEqual(0.3 + ROUNDED);
    }
    expect(frontier[2]!.portfolio_return).toBeGreaterThan(frontier[0]!.portfolio_return);
  });

  it("the plot draws the short frontier, whose return axis reaches beyond the long-only one", () => {
    const highestTick = (file: string) => {
      const svg = readFileSync(join(world.dir, file), "utf8");
      return Math.max(...[...svg.matchAll(/>(\d+(?:\.\d+)?)%</g)].map((match) => Number(match[1])));
    };
    expect(runs.get("plotLong")!.code).toBe(0);
    expect(runs.get("plotShort")!.code).toBe(0);
    // Long-only the highest return is BX alone (≈ 115 %); with shorts +1 BX, +1 SPY, −1 ALLY (≈ 148 %).
    expect(highestTick("long.svg")).toBeLessThan(140);
    expect(highestTick("short.svg")).toBeGreaterThanOrEqual(140);
  });
});

describe("plot-efficient-frontier --risk", () => {
  it("draws the scenario frontier to a file", () => {
    const run = runs.get("plotCvar")!;
    expect(run.code).toBe(0);
    const svg = readFileSync(join(world.dir, "cvar.svg"), "utf8");
    expect(svg).toContain("<svg");
    expect(svg).toContain("Daily cvar-historical");
  });
});
