import { describe, expect, it } from "vitest";
import type { AllocationResult } from "../src/index.js";
import { engineForTestFile, WINDOW } from "./support/engine-harness.js";

const TICKERS = ["ALLY", "BX", "SPY"];
const STEPS = 5;
/** Reported weights and asset returns are rounded to 7 dp. */
const ROUNDING = 1e-7;
const engine = engineForTestFile();

const frontier = (options: Record<string, unknown>) =>
  engine.run("efficient-frontier", TICKERS, { ...WINDOW, steps: STEPS, ...options }) as Promise<AllocationResult[]>;

const weightOf = (point: AllocationResult, ticker: string) =>
  point.holdings.find((h) => h.ticker === ticker)!.allocation;
const muOf = (point: AllocationResult, ticker: string) =>
  point.holdings.find((h) => h.ticker === ticker)!.annual_return;

function expectEvenlyRising(points: AllocationResult[]): void {
  const low = points[0]!.portfolio_return;
  const high = points[STEPS - 1]!.portfolio_return;
  expect(high).toBeGreaterThan(low);
  points.forEach((point, k) => {
    expect(Math.abs(point.portfolio_return - (low + (k * (high - low)) / (STEPS - 1)))).toBeLessThanOrEqual(1e-9);
    expect(point.holdings.reduce((sum, h) => sum + h.allocation, 0)).toBeCloseTo(1, 6);
  });
}

describe("efficient-frontier (mean-variance) honours --short, --sectors and --max-turnover", () => {
  it("without constraint options: the long-only frontier from optimize-portfolio to max-return, as before", async () => {
    const plain = await frontier({});
    const least = await engine.run("optimize-portfolio", TICKERS, WINDOW);
    const highest = await engine.run("max-return", TICKERS, WINDOW);
    expect(plain[0]!.holdings).toEqual(least.holdings);
    expect(plain[STEPS - 1]!.portfolio_return).toBeCloseTo(highest.portfolio_return, 12);
    for (const point of plain) for (const h of point.holdings) expect(h.allocation).toBeGreaterThanOrEqual(0);
    expectEvenlyRising(plain);
  });

  it("--short: weights in [−1, 1], from optimize-portfolio --short up to the short-funded maximum return", async () => {
    const short = await frontier({ short: true });
    expectEvenlyRising(short);
    for (const point of short) {
      for (const h of point.holdings) expect(Math.abs(h.allocation)).toBeLessThanOrEqual(1 + ROUNDING);
    }
    const least = await engine.run("optimize-portfolio", TICKERS, { ...WINDOW, short: true });
    short[0]!.holdings.forEach((h, i) => {
      expect(h.allocation).toBeCloseTo(least.holdings[i]!.allocation, 6);
    });
    // max μᵀw over −1 ≤ wᵢ ≤ 1, Σw = 1 with three assets, by hand: +1 on the two best, −1 on the worst.
    const mu = TICKERS.map((t) => muOf(short[0]!, t)).sort((a, b) => b - a);
    const top = short[STEPS - 1]!;
    expect(top.portfolio_return).toBeCloseTo(mu[0]! + mu[1]! - mu[2]!, 6);
    expect(Math.min(...top.holdings.map((h) => h.allocation))).toBeCloseTo(-1, 6);
    const plainTop = (await frontier({}))[STEPS - 1]!;
    expect(top.portfolio_return).toBeGreaterThan(plainTop.portfolio_return);
  });

  it("--sectors: a 30 % cap on ALLY + BX holds at every point and ends at the capped maximum return", async () => {
    const sectors = {
      groups: { ALLY: "financials", BX: "financials", SPY: "market" },
      limits: { financials: { max: 0.3 } },
    };
    const capped = await frontier({ sectors });
    expectEvenlyRising(capped);
    for (const point of capped) {
      expect(weightOf(point, "ALLY") + weightOf(point, "BX")).toBeLessThanOrEqual(0.3 + 2 * ROUNDING);
      for (const h of point.holdings) expect(h.allocation).toBeGreaterThanOrEqual(0);
    }
    // Long-only with one capped group: 30 % in the group's best asset if it beats SPY, the rest in SPY.
    const point = capped[0]!;
    const best = Math.max(muOf(point, "ALLY"), muOf(point, "BX"));
    const spy = muOf(point, "SPY");
    const highest = best > spy ? 0.3 * best + 0.7 * spy : spy;
    expect(capped[STEPS - 1]!.portfolio_return).toBeCloseTo(highest, 6);
    const uncapped = await frontier({});
    expect(weightOf(uncapped[STEPS - 1]!, "BX")).toBeGreaterThan(0.3);
  });

  it("--max-turnover: every point trades at most the cap away from --current", async () => {
    const current = { ALLY: 0.2, BX: 0.2, SPY: 0.6 };
    const limited = await frontier({ maxTurnover: 0.3, currentWeights: current });
    expectEvenlyRising(limited);
    for (const point of limited) {
      const traded = TICKERS.reduce(
        (sum, t) => sum + Math.abs(weightOf(point, t) - current[t as keyof typeof current]),
        0,
      );
      expect(traded).toBeLessThanOrEqual(0.3 + 3 * ROUNDING);
    }
    // The highest return within the cap, by hand: sell the worst asset (ALLY) for the best (BX), 0.15 each way.
    const mu = Object.fromEntries(TICKERS.map((t) => [t, muOf(limited[0]!, t)]));
    expect(mu.BX!).toBeGreaterThan(mu.SPY!);
    expect(mu.SPY!).toBeGreaterThan(mu.ALLY!);
    const highest = 0.05 * mu.ALLY! + 0.35 * mu.BX! + 0.6 * mu.SPY!;
    expect(limited[STEPS - 1]!.portfolio_return).toBeCloseTo(highest, 6);
  });

  it("--current with neither --max-turnover nor --cost-rate is INVALID_INPUT, not ignored", async () => {
    await expect(frontier({ currentWeights: { ALLY: 1 } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/--max-turnover/),
    });
  });
});
