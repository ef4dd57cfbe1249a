import { describe, expect, it } from "vitest";
import {
  efficientFrontier,
  isScrillaError,
  maximumReturn,
  maximumSharpe,
  minimumConditionalValueAtRisk,
  minimumVariance,
  portfolioModel,
  portfolioVolatility,
  type ScrillaError,
} from "../src/index.js";

const model = portfolioModel({
  annualReturns: [0.1, 0.15, 0.08],
  annualVolatilities: [0.2, 0.3, 0.12],
  correlation: [
    [1, 0.3, 0.5],
    [0.3, 1, 0.4],
    [0.5, 0.4, 1],
  ],
});

function caught(action: () => unknown): ScrillaError {
  try {
    action();
  } catch (error) {
    if (isScrillaError(error)) return error;
    throw error;
  }
  throw new Error("expected a ScrillaError, but the call returned normally");
}

describe("infeasible problems", () => {
  it("an unattainable target return is INFEASIBLE with the attainable range in message and details", () => {
    const error = caught(() => minimumVariance(model, { targetReturn: 0.2 }));
    expect(error.code).toBe("INFEASIBLE");
    expect(error.message).toContain("0.08");
    expect(error.message).toContain("0.15");
    expect(error.details).toEqual({ targetReturn: 0.2, minimumReturn: 0.08, maximumReturn: 0.15 });
    expect(caught(() => minimumVariance(model, { targetReturn: 0.05 })).code).toBe("INFEASIBLE");
  });

  it("the attainable range honours the weight bounds", () => {
    const error = caught(() => minimumVariance(model, { targetReturn: 0.14, bounds: { upper: 0.5 } }));
    expect(error.code).toBe("INFEASIBLE");
    // At most half in BX (0.15), then half in ALLY (0.10): 0.125.
    expect(error.details?.maximumReturn).toBeCloseTo(0.125, 15);
  });

  it("maximum Sharpe when no asset beats the risk-free rate is INFEASIBLE and says so", () => {
    const error = caught(() => maximumSharpe(model, { riskFreeRate: 0.15 }));
    expect(error.code).toBe("INFEASIBLE");
    expect(error.message).toMatch(/risk-free rate 0\.15/);
    expect(error.details).toEqual({ riskFreeRate: 0.15, maximumReturn: 0.15 });
  });

  it("maximum Sharpe at a target at or below the risk-free rate is INFEASIBLE", () => {
    expect(caught(() => maximumSharpe(model, { riskFreeRate: 0.1, targetReturn: 0.09 })).code).toBe("INFEASIBLE");
  });

  it("maximum Sharpe at a target above rf is the minimum-variance portfolio there (§5.5)", () => {
    const sharpe = maximumSharpe(model, { riskFreeRate: 0.02, targetReturn: 0.12 });
    const variance = minimumVariance(model, { targetReturn: 0.12 });
    expect(Array.from(sharpe.weights)).toEqual(Array.from(variance.weights));
    expect(sharpe.sharpeRatio).toBeCloseTo((0.12 - 0.02) / variance.annualVolatility, 12);
  });

  it("bounds that leave no fully invested portfolio are INFEASIBLE; malformed bounds INVALID_INPUT", () => {
    expect(caught(() => minimumVariance(model, { bounds: { lower: 0.4 } })).code).toBe("INFEASIBLE");
    expect(caught(() => minimumVariance(model, { bounds: { upper: 0.3 } })).code).toBe("INFEASIBLE");
    expect(caught(() => minimumVariance(model, { bounds: { lower: [0.5, 0, 0], upper: [0.4, 1, 1] } })).code).toBe(
      "INVALID_INPUT",
    );
    expect(caught(() => minimumVariance(model, { bounds: { lower: -0.1 } })).code).toBe("INVALID_INPUT");
    expect(caught(() => minimumVariance(model, { bounds: { upper: [1, 1] } })).code).toBe("INVALID_INPUT");
  });
});

describe("singular and indefinite covariances", () => {
  // Six assets, four observations: the sample covariance has rank ≤ 3 (more assets than observations).
  const observations = [
    [0.01, -0.02, 0.03, 0.0, 0.015, -0.01],
    [-0.015, 0.01, 0.0, 0.02, -0.01, 0.005],
    [0.02, 0.0, -0.01, -0.015, 0.005, 0.01],
    [0.0, 0.025, 0.01, 0.01, -0.02, -0.005],
  ];
  const n = 6;
  const means = Array.from({ length: n }, (_, j) => observations.reduce((sum, row) => sum + row[j]!, 0) / 4);
  const covariance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (const row of observations) sum += (row[i]! - means[i]!) * (row[j]! - means[j]!);
      covariance[i * n + j] = (252 * sum) / 3;
    }
  }
  const annualReturns = [0.05, 0.07, 0.06, 0.04, 0.08, 0.03];

  it("is repaired to the nearest positive-definite matrix and the repair is reported", () => {
    const repaired = portfolioModel({ annualReturns, covariance });
    const repair = repaired.covarianceRepair!;
    expect(repair.method).toBe("eigenvalue-floor");
    expect(Math.abs(repair.smallestEigenvalue)).toBeLessThan(1e-12);
    expect(repair.floor).toBeGreaterThan(0);
    // Only the null space is lifted, so the change is tiny: at most √3 × floor for the 3 zero eigenvalues.
    expect(repair.change).toBeLessThanOrEqual(Math.sqrt(3) * repair.floor * (1 + 1e-6));
    const result = minimumVariance(repaired);
    expect(result.covarianceRepair).toEqual(repair);
    expect(result.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const w of result.weights) expect(w).toBeGreaterThanOrEqual(0);
    // A rank-3 covariance lets 6 assets hedge to (almost) zero variance.
    expect(result.annualVolatility).toBeLessThan(1e-3);
    expect(result.annualVolatility).toBeLessThan(portfolioVolatility(repaired, new Array(n).fill(1 / n)));
  });

  it('is rejected with INVALID_INPUT under covarianceRepair: "reject"', () => {
    const error = caught(() => portfolioModel({ annualReturns, covariance }, { covarianceRepair: "reject" }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/more observations than assets/);
  });

  it("an indefinite correlation matrix is repaired and the negative eigenvalue reported", () => {
    const indefinite = portfolioModel({
      annualReturns: [0.1, 0.12, 0.08],
      annualVolatilities: [0.2, 0.25, 0.15],
      correlation: [
        [1, 0.9, -0.9],
        [0.9, 1, 0.9],
        [-0.9, 0.9, 1],
      ],
    });
    expect(indefinite.covarianceRepair!.smallestEigenvalue).toBeLessThan(0);
    const result = maximumSharpe(indefinite, { riskFreeRate: 0.02 });
    expect(result.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(result.covarianceRepair).toBe(indefinite.covarianceRepair);
  });
});

describe("input validation and small cases", () => {
  it("rejects mismatched or malformed statistics with INVALID_INPUT", () => {
    const bad = [
      () => portfolioModel({ annualReturns: [], covariance: new Float64Array(0) }),
      () => portfolioModel({ annualReturns: [0.1, 0.2], annualVolatilities: [0.1], correlation: [[1]] }),
      () =>
        portfolioModel({
          annualReturns: [0.1, Number.NaN],
          covariance: [
            [1, 0],
            [0, 1],
          ],
        }),
      () =>
        portfolioModel({
          annualReturns: [0.1, 0.2],
          covariance: [
            [1, 0.5],
            [0.2, 1],
          ],
        }),
      () =>
        portfolioModel({
          annualReturns: [0.1, 0.2],
          annualVolatilities: [0.1, 0.2],
          correlation: [
            [1, 1.5],
            [1.5, 1],
          ],
        }),
      () =>
        portfolioModel({
          annualReturns: [0.1, 0.2],
          annualVolatilities: [0.1, 0.2],
          correlation: [
            [2, 0],
            [0, 1],
          ],
        }),
      () => efficientFrontier(model, { steps: 0 }),
      () => minimumConditionalValueAtRisk(model, { expiry: 0.5, probability: 1.2 }),
      () => minimumConditionalValueAtRisk(model, { expiry: 0, probability: 0.05 }),
    ];
    for (const action of bad) expect(caught(action).code).toBe("INVALID_INPUT");
  });

  it("splits the maximum return equally between tied best assets, within their bounds", () => {
    const tied = portfolioModel({
      annualReturns: [0.1, 0.1, 0.05],
      covariance: [
        [0.04, 0, 0],
        [0, 0.04, 0],
        [0, 0, 0.01],
      ],
    });
    expect(Array.from(maximumReturn(tied).weights)).toEqual([0.5, 0.5, 0]);
    const capped = Array.from(maximumReturn(tied, { bounds: { upper: [0.3, 1, 1] } }).weights);
    expect(capped[0]).toBeCloseTo(0.3, 15);
    expect(capped[1]).toBeCloseTo(0.7, 15);
    expect(capped[2]).toBe(0);
  });

  it("a one-step frontier is the minimum-variance portfolio; a single asset is fully invested", () => {
    const [only] = efficientFrontier(model, { steps: 1 });
    expect(Array.from(only!.weights)).toEqual(Array.from(minimumVariance(model).weights));
    const single = portfolioModel({ annualReturns: [0.07], covariance: [[0.04]] });
    expect(Array.from(minimumVariance(single).weights)).toEqual([1]);
    expect(Array.from(maximumSharpe(single, { riskFreeRate: 0.01 }).weights)).toEqual([1]);
    expect(minimumConditionalValueAtRisk(single, { expiry: 1, probability: 0.05 }).weights[0]).toBe(1);
  });

  it("an indifferent target (all returns equal) is met by the minimum-variance portfolio", () => {
    const flat = portfolioModel({
      annualReturns: [0.06, 0.06],
      covariance: [
        [0.04, 0],
        [0, 0.01],
      ],
    });
    const result = minimumVariance(flat, { targetReturn: 0.06 });
    expect(result.weights[0]).toBeCloseTo(0.2, 12);
    expect(result.annualReturn).toBeCloseTo(0.06, 15);
  });
});
