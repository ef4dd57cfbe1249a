import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, type CliWorld, inPool, jsonOf, startCliWorld } from "./support/cli-harness.js";
import {
  ALLY_CVAR,
  ALLY_VAR,
  CLOSES,
  DDM,
  type Method,
  moments,
  PEARSON,
  PROFILES,
  RISK_FREE,
  WINDOW,
} from "./support/golden.js";

// Every computing command end to end: the built CLI, the real engine, a temp SQLite file, and the
// loopback fixture server. Runs go in parallel after one warm-up that fills the cache.
const RUNS = {
  rpMoments: ["risk-profile", "ALLY", "BX", ...WINDOW, "--json"],
  rpPercentiles: ["rp", "ALLY", "BX", ...WINDOW, "-per", "-js"],
  rpLikelihood: ["rp", "ally", "bx", ...WINDOW, "--method", "likelihood", "--json"],
  rpLegacy: ["risk-profile", "ALLY", "-start-date", "2021-07-14", "--end-date", "2021-11-19", "-like", "-json"],
  rpPretty: ["risk-profile", "ALLY", ...WINDOW],
  correlation: ["correlation", "ALLY", "BX", "SPY", ...WINDOW, "--json"],
  correlations: ["correlations", "SPY", "GLD", ...WINDOW, "--json"],
  correlationAtEnd: ["cor", "SPY", "GLD", "--end", "2021-11-19", "--json"],
  optPlain: ["optimize-portfolio", "SPY", "GLD", ...WINDOW, "--json"],
  optTarget: ["opt", "ALLY", "BX", "SPY", ...WINDOW, "--target", "0.5", "--json"],
  optSharpe: ["opt", "SPY", "GLD", ...WINDOW, "-sh", "--json"],
  optInvest: ["opt", "SPY", "GLD", ...WINDOW, "--invest", "10000", "--json"],
  maxReturn: ["max-return", "ALLY", "BX", "SPY", ...WINDOW, "--json"],
  frontier: ["efficient-frontier", "ALLY", "BX", "SPY", ...WINDOW, "--steps", "5", "--json"],
  optCvar: ["optimize-cvar", "ALLY", "BX", "SPY", ...WINDOW, "--prob", "0.05", "--expiry", "0.5", "--json"],
  valueAtRisk: ["var", "ALLY", ...WINDOW, "--prob", "0.05", "--expiry", "0.5", "--json"],
  conditionalValueAtRisk: ["cvar", "ALLY", ...WINDOW, "-prob", "0.05", "-exp", "0.5", "-json"],
  beta: ["capm-beta", "ALLY", "BX", ...WINDOW, "--json"],
  equityCost: ["capm-equity", "ALLY", "BX", ...WINDOW, "--json"],
  sharpe: ["sharpe-ratio", "ALLY", "BX", ...WINDOW, "--json"],
  movingAverages: ["mov-averages", "ALLY", "--end", "2021-11-19", "--json"],
  ddm: ["ddm", "ALLY", "BX", "--discount", "0.05", "--json"],
  dividends: ["dividends", "ALLY", "--json"],
  prices: ["prices", "ALLY", "BX", "DIS", ...WINDOW, "--json"],
  interest: ["interest", "ONE_MONTH", "THIRTY_YEAR", "one_year", ...WINDOW, "--json"],
  yieldCurve: ["yield-curve", "--start", "2021-11-18", "--json"],
  riskFree: ["risk-free", "--json"],
  close: ["close", "ALLY", "--json"],
  asset: ["asset", "ALLY", "BTC", "--json"],
  screen: ["screen", "ALLY", "BX", "--criteria", "ddm", "--discount", "0.05", "--json"],
  saveJson: ["rp", "ALLY", ...WINDOW, "--save", "profile.json", "--quiet"],
  saveCsv: ["prices", "ALLY", "SPY", ...WINDOW, "-save", "prices.csv"],
} satisfies Record<string, string[]>;

type RunName = keyof typeof RUNS;

let world: CliWorld;
const runs = new Map<RunName | "debugJson", CliRun>();

beforeAll(async () => {
  world = await startCliWorld();
  const warmUp = await world.run([
    "prices",
    "ALLY",
    "BX",
    "SPY",
    "GLD",
    "DIS",
    "--start",
    "2021-01-04",
    "--end",
    "2021-11-19",
    "-q",
  ]);
  if (warmUp.code !== 0) throw new Error(`warm-up failed: ${warmUp.stderr}`);
  const names = Object.keys(RUNS) as RunName[];
  const results = await inPool(
    names.map((name) => () => world.run(RUNS[name])),
    4,
  );
  for (const [i, name] of names.entries()) runs.set(name, results[i]!);
  runs.set("debugJson", await world.run(RUNS.rpMoments, { LOG_LEVEL: "debug" }));
}, 900_000); // a budget: dozens of CLI processes on a loaded 2-core machine

afterAll(async () => {
  await world?.close();
});

const json = (name: RunName | "debugJson") => jsonOf(runs.get(name)!) as Record<string, unknown>;
type Profile = Record<string, number>;
type Holding = { ticker: string; allocation: number; shares?: number };
type Allocation = {
  holdings: Holding[];
  portfolio_return: number;
  portfolio_volatility: number;
  sharpe_ratio?: number;
  total?: number;
  leftover?: number;
};
const weights = (allocation: Allocation) =>
  Object.fromEntries(allocation.holdings.map((h) => [h.ticker, h.allocation]));

/** |actual − expected| ≤ tol · max(1, |expected|). */
function near(actual: unknown, expected: number, tol: number): void {
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

const sd = (ticker: string) => moments(ticker)[1];
const mu = (ticker: string) => moments(ticker)[0];
const beta = (ticker: string) => (PEARSON[`${ticker}-SPY`]! * sd(ticker)) / sd("SPY");

describe("risk-profile (spec A.1, A.3)", () => {
  it.each([
    ["rpMoments", "moments"],
    ["rpPercentiles", "percentiles"],
    ["rpLikelihood", "likelihood"],
  ] as [RunName, Method][])("%s matches the %s golden profile of ALLY and BX", (name, method) => {
    const result = json(name) as Record<string, Profile>;
    for (const ticker of ["ALLY", "BX"]) {
      const [annualReturn, annualVolatility] = PROFILES[ticker]![method]!;
      near(result[ticker]?.annual_return, annualReturn, 1e-9);
      near(result[ticker]?.annual_volatility, annualVolatility, 1e-9);
    }
  });

  it("derives Sharpe, beta and cost of equity from the moments profile, rf and the SPY proxy", () => {
    const ally = (json("rpMoments") as Record<string, Profile>).ALLY!;
    near(ally.sharpe_ratio, (mu("ALLY") - RISK_FREE) / sd("ALLY"), 1e-9);
    near(ally.sharpe_ratio, -0.455317482071312, 1e-9);
    near(ally.asset_beta, beta("ALLY"), 1e-9);
    near(ally.equity_cost, RISK_FREE + beta("ALLY") * (mu("SPY") - RISK_FREE), 1e-9);
  });

  it("the original's single-dash spellings give the same answer as the POSIX ones", () => {
    expect(json("rpLegacy").ALLY).toEqual((json("rpLikelihood") as Record<string, unknown>).ALLY);
  });

  it("pretty output is an aligned table with percentages, and logs stay on stderr", () => {
    const run = runs.get("rpPretty")!;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ALLY\s+-12\.861%\s+31\.738%/);
    expect(run.stdout).not.toContain("scrilla:");
    expect(run.stderr).toContain("Total execution time");
  });

  it("--json stdout is one document even at LOG_LEVEL=debug", () => {
    const run = runs.get("debugJson")!;
    expect(run.stderr).toContain("scrilla: debug:");
    expect(json("debugJson")).toEqual(json("rpMoments"));
  });
});

describe("correlations (spec A.2, §3.8)", () => {
  it("correlation matrix of ALLY, BX, SPY is Pearson's", () => {
    const matrix = json("correlation").correlation_matrix as number[][];
    expect(matrix).toHaveLength(3);
    near(matrix[0]![1], PEARSON["ALLY-BX"]!, 1e-9);
    near(matrix[0]![2], PEARSON["ALLY-SPY"]!, 1e-9);
    near(matrix[1]![2], PEARSON["BX-SPY"]!, 1e-9);
    for (let i = 0; i < 3; i++) {
      near(matrix[i]![i], 1, 1e-12);
      for (let j = 0; j < 3; j++) near(matrix[i]![j], matrix[j]![i]!, 1e-12);
    }
  });

  it("correlations is a rolling series over the window whose last point is the correlation ending that day", () => {
    const series = json("correlations") as Record<string, number>;
    const dates = Object.keys(series);
    expect(dates.at(-1)).toBe("2021-11-19");
    expect(dates[0]! <= "2021-07-14").toBe(true);
    expect(dates.length).toBeGreaterThanOrEqual(92);
    for (const value of Object.values(series)) expect(Math.abs(value)).toBeLessThanOrEqual(1);
    const atEnd = json("correlationAtEnd").correlation_matrix as number[][];
    near(series["2021-11-19"], atEnd[0]![1]!, 1e-9);
  });
});

describe("portfolios (spec §5)", () => {
  const spyGld = () => {
    const [s, g, r] = [sd("SPY"), sd("GLD"), PEARSON["SPY-GLD"]!];
    return { s, g, c: r * s * g };
  };

  it("optimize-portfolio SPY GLD is the two-asset minimum-variance closed form", () => {
    const allocation = json("optPlain") as unknown as Allocation;
    const { s, g, c } = spyGld();
    const wSpy = (g * g - c) / (s * s + g * g - 2 * c);
    near(weights(allocation).SPY, wSpy, 5e-4);
    near(weights(allocation).GLD, 1 - wSpy, 5e-4);
    const variance = wSpy ** 2 * s * s + (1 - wSpy) ** 2 * g * g + 2 * wSpy * (1 - wSpy) * c;
    near(allocation.portfolio_volatility, Math.sqrt(variance), 1e-6);
    near(allocation.portfolio_return, wSpy * mu("SPY") + (1 - wSpy) * mu("GLD"), 1e-6);
  });

  it("--target 0.5 on ALLY BX SPY reaches the target with the cheapest long-only mix (ALLY out, BX/SPY on the line)", () => {
    const allocation = json("optTarget") as unknown as Allocation;
    near(allocation.portfolio_return, 0.5, 1e-7);
    const wBx = (0.5 - mu("SPY")) / (mu("BX") - mu("SPY"));
    near(weights(allocation).ALLY, 0, 5e-4);
    near(weights(allocation).BX, wBx, 5e-4);
    near(weights(allocation).SPY, 1 - wBx, 5e-4);
  });

  it("--sharpe on SPY GLD is the tangency portfolio Σ⁻¹(μ − rf), normalised", () => {
    const allocation = json("optSharpe") as unknown as Allocation;
    const { s, g, c } = spyGld();
    const [es, eg] = [mu("SPY") - RISK_FREE, mu("GLD") - RISK_FREE];
    const det = s * s * g * g - c * c;
    const raw = [(g * g * es - c * eg) / det, (s * s * eg - c * es) / det];
    const wSpy = raw[0]! / (raw[0]! + raw[1]!);
    near(weights(allocation).SPY, wSpy, 5e-4);
    const sharpe = (allocation.portfolio_return - RISK_FREE) / allocation.portfolio_volatility;
    near(allocation.sharpe_ratio, sharpe, 1e-9);
    near(sharpe, 1.7642255390579489, 1e-6);
  });

  it("--invest 10000 buys whole shares at the latest close and reports what is left", () => {
    const allocation = json("optInvest") as unknown as Allocation;
    const shares = Object.fromEntries(allocation.holdings.map((h) => [h.ticker, h.shares]));
    expect(Number.isInteger(shares.SPY)).toBe(true);
    expect(Number.isInteger(shares.GLD)).toBe(true);
    expect(allocation.total!).toBeLessThanOrEqual(10_000);
    near(allocation.total! + allocation.leftover!, 10_000, 1e-9);
    expect(shares.SPY! * CLOSES.SPY_2021_11_19).toBeLessThanOrEqual(allocation.total! + 1e-9);
  });

  it("max-return puts everything in the highest-return asset (BX)", () => {
    const allocation = json("maxReturn") as unknown as Allocation;
    expect(weights(allocation)).toEqual({ ALLY: 0, BX: 1, SPY: 0 });
    near(allocation.portfolio_return, mu("BX"), 1e-7);
  });

  it("efficient-frontier has --steps long-only points with rising return and volatility", () => {
    const frontier = json("frontier") as unknown as Allocation[];
    expect(frontier).toHaveLength(5);
    for (const point of frontier) {
      const w = Object.values(weights(point));
      near(
        w.reduce((sum, x) => sum + x, 0),
        1,
        1e-6,
      );
      for (const x of w) expect(x).toBeGreaterThanOrEqual(-1e-9);
    }
    for (let i = 1; i < frontier.length; i++) {
      expect(frontier[i]!.portfolio_return).toBeGreaterThanOrEqual(frontier[i - 1]!.portfolio_return - 1e-9);
      expect(frontier[i]!.portfolio_volatility).toBeGreaterThanOrEqual(frontier[i - 1]!.portfolio_volatility - 1e-9);
    }
  });

  it("optimize-cvar returns a long-only allocation with its CVaR", () => {
    const allocation = json("optCvar") as unknown as Allocation & { conditional_value_at_risk: number };
    const w = Object.values(weights(allocation));
    near(
      w.reduce((sum, x) => sum + x, 0),
      1,
      1e-6,
    );
    expect(typeof allocation.conditional_value_at_risk).toBe("number");
  });
});

describe("risk and CAPM (spec A.3)", () => {
  it("var and cvar of ALLY are the golden price levels", () => {
    near((json("valueAtRisk").ALLY as Profile).value_at_risk, ALLY_VAR, 1e-9);
    near((json("conditionalValueAtRisk").ALLY as Profile).conditional_value_at_risk, ALLY_CVAR, 1e-9);
  });

  it("capm-beta, capm-equity and sharpe-ratio agree with ρσ/σ_m, rf + β(μ_m − rf) and (μ − rf)/σ", () => {
    for (const ticker of ["ALLY", "BX"]) {
      near((json("beta")[ticker] as Profile).asset_beta, beta(ticker), 1e-9);
      near(
        (json("equityCost")[ticker] as Profile).equity_cost,
        RISK_FREE + beta(ticker) * (mu("SPY") - RISK_FREE),
        1e-9,
      );
      near(json("sharpe")[ticker], (mu(ticker) - RISK_FREE) / sd(ticker), 1e-9);
    }
  });

  it("mov-averages are μ = mean/dt + s²/(2dt) of the last 20/60/100 log returns of the recorded closes", () => {
    const recorded = JSON.parse(
      readFileSync(new URL("../../../fixtures/alphavantage/TIME_SERIES_DAILY/ALLY.json", import.meta.url), "utf8"),
    )["Time Series (Daily)"] as Record<string, Record<string, string>>;
    const closes = Object.keys(recorded)
      .filter((date) => date <= "2021-11-19")
      .sort()
      .map((date) => Number(recorded[date]!["4. close"]));
    const averages = (json("movingAverages").ALLY as Record<string, Profile>)["2021-11-19"]!;
    for (const period of [20, 60, 100]) {
      const window = closes.slice(-(period + 1));
      const returns = window.slice(1).map((close, i) => Math.log(close / window[i]!));
      const mean = returns.reduce((s, r) => s + r, 0) / returns.length;
      const variance = returns.reduce((s, r) => s + (r - mean) ** 2, 0) / (returns.length - 1);
      near(averages[`MA_${period}`], mean * 252 + (variance * 252) / 2, 1e-9);
    }
  });
});

describe("dividends and valuation (spec A.5, §6.6)", () => {
  it("ddm at 5 % matches the golden NPVs (the original truncates its series at 1e-7 increments)", () => {
    near((json("ddm").ALLY as Profile).discount_dividend, DDM.ALLY, 1e-6);
    near((json("ddm").BX as Profile).discount_dividend, DDM.BX, 1e-6);
  });

  it("dividends lists ALLY's 20 recorded payments", () => {
    const payments = json("dividends").ALLY as Record<string, number>;
    expect(Object.keys(payments)).toHaveLength(20);
    expect(payments["2021-08-16"]).toBe(0.25);
  });

  it("screen reports the spot close, the DDM model price and the discount", () => {
    const screened = json("screen") as Record<string, Profile>;
    near(screened.ALLY?.spot_price, CLOSES.ALLY_2021_11_19, 1e-12);
    near(screened.ALLY?.model_price, DDM.ALLY, 1e-6);
    near(screened.BX?.model_price, DDM.BX, 1e-6);
    expect(screened.ALLY?.discount).toBe(0.05);
  });
});

describe("market data (spec §7.9)", () => {
  it("prices: 92 closes per equity in the window, the recorded values", () => {
    const prices = json("prices") as Record<string, Record<string, number>>;
    expect(Object.keys(prices.ALLY!)).toHaveLength(92);
    expect(prices.ALLY!["2021-10-22"]).toBe(CLOSES.ALLY_2021_10_22);
    expect(prices.BX!["2021-09-08"]).toBe(CLOSES.BX_2021_09_08);
    expect(prices.DIS!["2021-10-04"]).toBe(CLOSES.DIS_2021_10_04);
  });

  it("interest: percent as published, maturity keys upper-cased", () => {
    const interest = json("interest") as Record<string, Record<string, number>>;
    expect(interest.ONE_MONTH!["2021-11-01"]).toBe(0.05);
    expect(interest.THIRTY_YEAR!["2021-10-26"]).toBe(2.05);
    expect(interest.ONE_YEAR!["2021-10-14"]).toBe(0.1);
  });

  it("yield-curve --start 2021-11-18 has all 12 maturities as decimals; risk-free is TEN_YEAR 0.0159", () => {
    const curve = json("yieldCurve") as Record<string, number>;
    expect(Object.keys(curve)).toHaveLength(12);
    near(curve.TEN_YEAR, RISK_FREE, 1e-12);
    near(curve.ONE_YEAR, 0.0018, 1e-12);
    near(json("riskFree").TEN_YEAR, RISK_FREE, 1e-12);
  });

  it("close is the latest close (D-31), asset tells equity from crypto", () => {
    expect(json("close")).toEqual({ ALLY: CLOSES.ALLY_2021_11_19 });
    expect(json("asset")).toEqual({ ALLY: "equity", BTC: "crypto" });
  });
});

describe("--save (D-61)", () => {
  it("writes the --json document to a .json path, with --quiet printing nothing", () => {
    const run = runs.get("saveJson")!;
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    const saved = JSON.parse(readFileSync(join(world.dir, "profile.json"), "utf8")) as Record<string, Profile>;
    near(saved.ALLY?.annual_return, mu("ALLY"), 1e-9);
  });

  it("writes CSV tables to a .csv path", () => {
    expect(runs.get("saveCsv")!.code).toBe(0);
    const lines = readFileSync(join(world.dir, "prices.csv"), "utf8").trim().split("\n");
    expect(lines[0]).toBe("date,ALLY,SPY");
    expect(lines).toHaveLength(93);
    expect(lines).toContain("2021-10-22,50.7,453.12");
  });
});
