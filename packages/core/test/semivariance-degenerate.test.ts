import { describe, expect, it } from "vitest";
import { minimumScenarioRisk, scenarioMatrix, scenarioMeans, semivariance } from "../src/index.js";

// Degenerate semivariance data: a cash-like asset never falls below the benchmark, so the least semivariance
// is 0 and many portfolios attain it. The optimiser returns the one of highest expected return among them.
const data = (() => {
  let state = 11;
  const next = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647 - 0.5;
  };
  return Array.from({ length: 300 }, () => [
    0.0001 + 0.00002 * (next() + 0.5),
    0.0006 + 0.02 * next(),
    0.0004 + 0.01 * next(),
  ]);
})();
const mu = scenarioMeans(scenarioMatrix(data));
const mean = (w: ArrayLike<number>) => mu.reduce((s, m, i) => s + m * w[i]!, 0);
const STEPS = 200;
const grid: { w: number[]; risk: number; mean: number }[] = [];
for (let a = 0; a <= STEPS; a++) {
  for (let b = 0; a + b <= STEPS; b++) {
    const w = [a / STEPS, b / STEPS, (STEPS - a - b) / STEPS];
    grid.push({ w, risk: semivariance(data, w), mean: mean(w) });
  }
}

describe("semivariance on degenerate data (a portfolio that never falls short)", () => {
  it("reaches semivariance 0 with the highest mean of the zero-shortfall grid portfolios", async () => {
    const result = await minimumScenarioRisk(data, "semivariance");
    expect(result.risk).toBeLessThanOrEqual(1e-20);
    const best = Math.max(...grid.filter((p) => p.risk === 0).map((p) => p.mean));
    expect(mean(result.weights)).toBeGreaterThanOrEqual(best - 1e-15);
    // Not simply the cash-like asset: the LP spreads into the others as far as no scenario falls short.
    expect(result.weights[0]!).toBeLessThan(1 - 1e-3);
  });

  it("a target above every zero-shortfall mean is still solved exactly (no grid point does better)", async () => {
    const calmest = Math.max(...grid.filter((p) => p.risk === 0).map((p) => p.mean));
    const target = calmest + 0.5 * (Math.max(...mu) - calmest);
    const result = await minimumScenarioRisk(data, "semivariance", { targetReturn: target });
    expect(result.risk).toBeGreaterThan(0);
    expect(mean(result.weights)).toBeGreaterThanOrEqual(target - 1e-12);
    for (const point of grid) if (point.mean >= target) expect(result.risk).toBeLessThanOrEqual(point.risk + 1e-12);
  });
});
