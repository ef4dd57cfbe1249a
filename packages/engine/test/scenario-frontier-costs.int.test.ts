import { describe, expect, it } from "vitest";
import type { AllocationResult } from "../src/index.js";
import { engineForTestFile, WINDOW } from "./support/engine-harness.js";

const TICKERS = ["ALLY", "BX", "SPY"];
const RATE = 0.002;
const CURRENT = { ALLY: 1 };
const engine = engineForTestFile();

type FrontierPoint = AllocationResult & { risk: number; transaction_cost?: number };

/** Σ rate·|wᵢ − currentᵢ| from the reported (7-dp) weights. */
const costOf = (point: FrontierPoint) =>
  point.holdings.reduce(
    (sum, h) => sum + RATE * Math.abs(h.allocation - (CURRENT[h.ticker as keyof typeof CURRENT] ?? 0)),
    0,
  );

describe("efficient-frontier --risk with --cost-rate through the engine", () => {
  it("charges the costs against --current at every point and reports them", async () => {
    const options = { ...WINDOW, risk: "semivariance", steps: 3 } as const;
    const plain = (await engine.run("efficient-frontier", TICKERS, options)) as FrontierPoint[];
    const charged = (await engine.run("efficient-frontier", TICKERS, {
      ...options,
      currentWeights: CURRENT,
      costRate: RATE,
    })) as FrontierPoint[];
    expect(charged).toHaveLength(3);
    for (const point of charged) {
      // 7-dp weights: 3 assets × 5e-8 × RATE bounds the rounding.
      expect(Math.abs(point.transaction_cost! - costOf(point))).toBeLessThanOrEqual(1e-9);
    }
    expect(plain[0]!.transaction_cost).toBeUndefined();
    const [cheapest, least] = [charged[0]!, plain[0]!];
    // Each minimises its own objective: risk + cost for the charged point, risk alone for the plain one.
    expect(cheapest.risk + cheapest.transaction_cost!).toBeLessThanOrEqual(least.risk + costOf(least) + 1e-9);
    expect(least.risk).toBeLessThanOrEqual(cheapest.risk + 1e-12);
    expect(cheapest.transaction_cost!).toBeLessThan(costOf(least));
  });

  it("--cost-rate without --risk, or without --current, is INVALID_INPUT", async () => {
    await expect(
      engine.run("efficient-frontier", TICKERS, { ...WINDOW, currentWeights: CURRENT, costRate: RATE }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/--risk/) });
    await expect(
      engine.run("efficient-frontier", TICKERS, { ...WINDOW, risk: "cdar", costRate: RATE }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/--current/) });
  });
});
