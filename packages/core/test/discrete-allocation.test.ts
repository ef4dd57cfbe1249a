import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AllocationMethod, discreteAllocation } from "../src/allocation/index.js";
import { allocateByTicker } from "../src/labelled/index.js";
import { allocateShares } from "../src/portfolio/index.js";
import { expectCode } from "./support/assertions.js";

/** Σ (wᵢV − xᵢpᵢ)² of whole-share units. */
const cost = (weights: number[], prices: number[], investment: number, shares: readonly number[]) =>
  shares.reduce((sum, x, i) => sum + (weights[i]! * investment - x * prices[i]!) ** 2, 0);

/** Every whole-share vector within the budget, by nested enumeration: the optimum by brute force. */
function enumeratedOptimum(weights: number[], prices: number[], investment: number): number {
  let best = Number.POSITIVE_INFINITY;
  const units = new Array<number>(prices.length).fill(0);
  const walk = (i: number, cash: number): void => {
    if (i === prices.length) {
      best = Math.min(best, cost(weights, prices, investment, units));
      return;
    }
    for (let x = 0; x * prices[i]! <= cash; x++) {
      units[i] = x;
      walk(i + 1, cash - x * prices[i]!);
    }
    units[i] = 0;
  };
  walk(0, investment);
  return best;
}

const longOnlyCase = (maxAssets: number) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.double({ min: 3, max: 250, noNaN: true })), {
        minLength: 1,
        maxLength: maxAssets,
      }),
      fc.double({ min: 50, max: 600, noNaN: true }),
    )
    .map(([assets, investment]) => {
      const total = assets.reduce((sum, [w]) => sum + w, 0);
      return { weights: assets.map(([w]) => w / total), prices: assets.map(([, p]) => p), investment };
    });

describe("discrete allocation", () => {
  it("exact finds the enumerated optimum (property, up to 4 assets)", () => {
    fc.assert(
      fc.property(longOnlyCase(4), ({ weights, prices, investment }) => {
        const exact = discreteAllocation({ weights, prices, investment, method: "exact" });
        const optimum = enumeratedOptimum(weights, prices, investment);
        const found = cost(weights, prices, investment, exact.shares);
        expect(found).toBeLessThanOrEqual(optimum * (1 + 1e-9) + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it("a known optimum that rounding cannot reach: sell cheap units to afford one expensive share", () => {
    // 50/50 of 100 at prices 1 and 60: truncation buys 50 + 0 (error 2,500); the optimum is 40 + 1 (error 200).
    const input = { weights: [0.5, 0.5], prices: [1, 60], investment: 100 };
    expect(discreteAllocation({ ...input, method: "truncate" }).shares).toEqual([50, 0]);
    expect(discreteAllocation({ ...input, method: "exact" }).shares).toEqual([40, 1]);
    expect(enumeratedOptimum(input.weights, input.prices, input.investment)).toBe(200);
  });

  it("never exceeds the budget; exact is never worse than greedy, greedy never worse than truncation", () => {
    fc.assert(
      fc.property(longOnlyCase(12), ({ weights, prices, investment }) => {
        const [truncate, greedy, exact] = (["truncate", "greedy", "exact"] as AllocationMethod[]).map((method) =>
          discreteAllocation({ weights, prices, investment, method }),
        );
        for (const result of [truncate!, greedy!, exact!]) {
          expect(result.total).toBeLessThanOrEqual(investment);
          expect(result.shares.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
          expect(result.leftover).toBeCloseTo(investment - result.total, 7);
        }
        expect(exact!.rmse).toBeLessThanOrEqual(greedy!.rmse * (1 + 1e-12));
        expect(greedy!.rmse).toBeLessThanOrEqual(truncate!.rmse * (1 + 1e-12));
      }),
      { numRuns: 200 },
    );
  });

  it("RMSE is √(mean (wᵢ − xᵢpᵢ/V)²)", () => {
    const input = { weights: [0.2, 0.3, 0.5], prices: [47.93, 130, 468.89], investment: 10_000 };
    const result = discreteAllocation({ ...input, method: "greedy" });
    const achieved = result.shares.map((x, i) => (x * input.prices[i]!) / input.investment);
    const rmse = Math.sqrt(achieved.reduce((s, a, i) => s + (input.weights[i]! - a) ** 2, 0) / 3);
    expect(Math.abs(result.rmse - rmse) / rmse).toBeLessThan(1e-12);
  });

  it("truncate is scrilla's rule (allocateShares), crypto included", () => {
    const input = {
      weights: [0.192, 0.2, 0.608],
      prices: [47.93, 56_123.45, 468.89],
      investment: 10_000,
      assetTypes: ["equity", "crypto", "equity"] as const,
    };
    const truncated = discreteAllocation({ ...input, assetTypes: [...input.assetTypes] });
    const scrilla = allocateShares({ ...input, assetTypes: [...input.assetTypes] });
    expect(truncated.shares).toEqual(scrilla.shares);
    expect(truncated.total).toBe(scrilla.total);
  });

  it("crypto keeps fractional units at 8 decimals under every method", () => {
    for (const method of ["truncate", "greedy", "exact"] as const) {
      const result = discreteAllocation({
        weights: [0.5, 0.3, 0.2],
        prices: [56_123.45, 3_999.99, 130],
        investment: 10_000,
        assetTypes: ["crypto", "crypto", "equity"],
        method,
      });
      for (const units of result.shares.slice(0, 2)) {
        expect(Math.abs(units * 1e8 - Math.round(units * 1e8))).toBeLessThan(1e-6);
        expect(units).toBeGreaterThan(0);
      }
      expect(result.total).toBeLessThanOrEqual(10_000);
      expect(result.rmse).toBeLessThan(0.01);
    }
  });

  it("long/short: shorts are negative units; the net outlay stays within the investment", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: -0.5, max: 1, noNaN: true }), fc.double({ min: 5, max: 300, noNaN: true })),
          {
            minLength: 2,
            maxLength: 8,
          },
        ),
        fc.constantFrom<AllocationMethod>("truncate", "greedy", "exact"),
        (assets, method) => {
          const weights = assets.map(([w]) => w);
          const prices = assets.map(([, p]) => p);
          const result = discreteAllocation({ weights, prices, investment: 5_000, method });
          expect(result.total).toBeLessThanOrEqual(5_000);
          result.shares.forEach((x, i) => {
            if (weights[i]! < 0) expect(x).toBeLessThanOrEqual(0);
            if (weights[i]! > 0) expect(x).toBeGreaterThanOrEqual(0);
          });
        },
      ),
      { numRuns: 150 },
    );
    const result = discreteAllocation({ weights: [1.3, -0.3], prices: [10, 20], investment: 1_000, method: "exact" });
    expect(result.shares).toEqual([130, -15]);
    expect(result.total).toBe(1_000);
  });

  it("by ticker, and bad input is INVALID_INPUT", () => {
    const result = allocateByTicker({
      weights: { SPY: 0.6, GLD: 0.4 },
      prices: { SPY: 468.89, GLD: 170.1 },
      investment: 10_000,
      method: "exact",
    });
    expect(Object.keys(result.shares)).toEqual(["SPY", "GLD"]);
    expect(result.total).toBeLessThanOrEqual(10_000);
    expectCode(() => allocateByTicker({ weights: { SPY: 1 }, prices: {}, investment: 100 }), "INVALID_INPUT");
    expectCode(
      () => discreteAllocation({ weights: [1], prices: [10], investment: 100, method: "best" as never }),
      "INVALID_INPUT",
    );
    expectCode(() => discreteAllocation({ weights: [Number.NaN], prices: [10], investment: 100 }), "INVALID_INPUT");
    expectCode(() => discreteAllocation({ weights: [1], prices: [10], investment: "100" as never }), "INVALID_INPUT");
  });
});

describe("exact search guard", () => {
  it("reports proven optimality, and with a tiny node limit still returns a feasible allocation no worse than greedy", async () => {
    const { exactBook } = await import("../src/allocation/exact-allocation.js");
    const { greedyBook, trackingError, spent } = await import("../src/allocation/allocation-book.js");
    const book = {
      targets: Float64Array.of(2500, 2500, 3000, 2000),
      unitPrices: Float64Array.of(61, 333, 17.5, 450),
      budget: 10_000,
      fractional: [false, false, false, false],
    };
    const full = exactBook(book);
    expect(full.proven).toBe(true);
    const capped = exactBook(book, 1);
    expect(capped.proven).toBe(false);
    expect(spent(book, capped.units)).toBeLessThanOrEqual(book.budget);
    expect(trackingError(book, capped.units)).toBeLessThanOrEqual(trackingError(book, greedyBook(book)));
    expect(trackingError(book, full.units)).toBeLessThanOrEqual(trackingError(book, capped.units));
    expect(
      discreteAllocation({
        weights: [0.25, 0.25, 0.3, 0.2],
        prices: [61, 333, 17.5, 450],
        investment: 10_000,
        method: "exact",
      }).proven,
    ).toBe(true);
  });
});

describe("weights summing to a hair over 1", () => {
  it("truncation gives back a unit rather than overspend (found by the long/short property)", () => {
    const weights = [0.0009999999999999992, 0.9990000000009991];
    for (const method of ["truncate", "greedy", "exact"] as const) {
      const result = discreteAllocation({ weights, prices: [5, 6.2437500000062505], investment: 5_000, method });
      expect(result.total).toBeLessThanOrEqual(5_000);
    }
  });
});
