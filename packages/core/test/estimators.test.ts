import { describe, expect, it } from "vitest";
import { ScrillaError } from "../src/errors.js";
import {
  bivariateNormalLogLikelihood,
  empiricalCopula,
  normalLogLikelihood,
  qqSeries,
  recursiveSumOfSquares,
  rollWindow,
  sampleCorrelation,
  sampleCovariance,
  sampleMean,
  samplePercentile,
  samplePercentiles,
  sampleVariance,
  simpleRegression,
  standardize,
} from "../src/estimators/index.js";

// Spec §2.15 (tests/mock_data.py); tolerance there is 1e-7 absolute.
const CASES = [
  [16, -12, -17, 1, -3, -4, 17, 0, -14, 16],
  [53, 73, 49, 3, 2, 24, 29, 69, 24, 96],
  [73, 71, 3, 4, 42, 52, 34, 32, 21, 39],
  [77, 74, 64, 49, 31, 7, 35, 46, 15, 70],
  [21, 8, 30, 62, 47, 29, 38, 71, 78, 7],
];
const close = (actual: number, expected: number, tolerance = 1e-7) =>
  expect(Math.abs(actual - expected)).toBeLessThan(tolerance);

function expectCode(run: () => unknown, code: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ScrillaError);
  expect((caught as ScrillaError).code).toBe(code);
}

describe("§2.15 vectors", () => {
  it.each(CASES.map((c, i) => [i + 1, c, [0, 42.2, 37.1, 46.8, 39.1][i]!] as const))("mean of case_%i", (_, x, m) => {
    close(sampleMean(x), m);
  });

  const VARIANCES = [161.777777777778, 968.177777777778, 582.322222222222, 608.4, 625.433333333333];
  it.each(CASES.map((c, i) => [i + 1, c, VARIANCES[i]!] as const))("variance of case_%i", (_, x, v) => {
    close(sampleVariance(x), v);
  });

  it.each(CASES.map((c, i) => [i + 1, c, VARIANCES[i]!] as const))(
    "recursive sum of squares / (n − 1) of case_%i",
    (_, x, v) => {
      close(recursiveSumOfSquares(x) / (x.length - 1), v);
    },
  );

  it("variance of one observation is 0; empty samples and non-finite elements are rejected", () => {
    expect(sampleVariance([1])).toBe(0);
    expect(sampleVariance([2])).toBe(0);
    expectCode(() => sampleVariance([]), "SAMPLE_TOO_SMALL");
    expectCode(() => sampleMean([]), "SAMPLE_TOO_SMALL");
    expectCode(() => sampleMean([Number.NaN]), "INVALID_INPUT");
    expectCode(() => sampleMean([1, 2, Number.POSITIVE_INFINITY]), "INVALID_INPUT");
  });

  it.each(CASES.map((c, i) => [i + 1, c] as const))("rolling window of case_%i equals recomputation", (_, x) => {
    const first = x.slice(0, 9);
    const second = x.slice(1, 10);
    const rolled = rollWindow({ mean: sampleMean(first), variance: sampleVariance(first) }, 9, x[0]!, x[9]!);
    close(rolled.mean, sampleMean(second));
    close(rolled.variance, sampleVariance(second));
  });

  it("rolling case_2 gives mean 41.0 and variance 1073.0", () => {
    const x = CASES[1]!;
    const rolled = rollWindow(
      { mean: sampleMean(x.slice(0, 9)), variance: sampleVariance(x.slice(0, 9)) },
      9,
      x[0]!,
      x[9]!,
    );
    close(rolled.mean, 41.0);
    close(rolled.variance, 1073.0);
  });

  const COVARIANCES = [81.4444444444444, 93.6666666666667, 76.5555555555556, -88.7777777777778];
  const CORRELATIONS = [0.205790099581043, 0.305171484680075, 0.244018457215175, -0.279096458172889];
  const ALPHAS = [42.2, 37.1, 46.8, 39.1];
  const BETAS = [0.503434065934066, 0.578983516483516, 0.473214285714286, -0.548763736263736];
  it.each([1, 2, 3, 4])("covariance, correlation and regression of case_1 with case_%i", (k) => {
    const x = CASES[0]!;
    const y = CASES[k]!;
    close(sampleCovariance(x, y), COVARIANCES[k - 1]!);
    close(sampleCorrelation(x, y), CORRELATIONS[k - 1]!);
    const { alpha, beta } = simpleRegression(x, y);
    close(alpha, ALPHAS[k - 1]!);
    close(beta, BETAS[k - 1]!);
  });

  it("paired estimators reject unequal lengths and too-small samples", () => {
    expectCode(() => sampleCovariance([1, 2, 3], [1, 2]), "SAMPLE_TOO_SMALL");
    expectCode(() => sampleCorrelation([1], [1]), "SAMPLE_TOO_SMALL");
    expectCode(() => simpleRegression([1, 2], [3, 4]), "SAMPLE_TOO_SMALL");
    expectCode(() => sampleCorrelation([1, 1, 1], [1, 2, 3]), "INVALID_INPUT");
  });

  it("random samples of 99 integers have 0 < |ρ| < 1", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 100;
    };
    const x = Array.from({ length: 99 }, next);
    const y = Array.from({ length: 99 }, next);
    const rho = Math.abs(sampleCorrelation(x, y));
    expect(rho).toBeGreaterThan(0);
    expect(rho).toBeLessThan(1);
  });

  const PERCENTILES = [
    [-12.5, -1.5, 16.0],
    [18.75, 39.0, 70.0],
    [16.75, 36.5, 56.75],
    [27.0, 47.5, 71.0],
    [17.75, 34.0, 64.25],
  ];
  it.each(CASES.map((c, i) => [i + 1, c] as const))("quartiles of case_%i", (i, x) => {
    samplePercentiles(x, [0.25, 0.5, 0.75]).forEach((value, j) => {
      close(value, PERCENTILES[i - 1]![j]!);
    });
  });

  it("likelihood sanity: exp(L) in (0, 1) and dropping observations increases it", () => {
    for (const x of CASES) {
      const mean = sampleMean(x);
      const variance = sampleVariance(x);
      const full = normalLogLikelihood(x, mean, variance);
      expect(Math.exp(full)).toBeGreaterThan(0);
      expect(Math.exp(full)).toBeLessThan(1);
      expect(normalLogLikelihood(x.slice(0, -2), mean, variance)).toBeGreaterThan(full);
    }
    const [x, y] = [CASES[1]!, CASES[2]!];
    const params = {
      meanX: sampleMean(x),
      meanY: sampleMean(y),
      varianceX: sampleVariance(x),
      varianceY: sampleVariance(y),
      covariance: sampleCovariance(x, y),
    };
    const full = bivariateNormalLogLikelihood(x, y, params);
    expect(bivariateNormalLogLikelihood(x.slice(0, -2), y.slice(0, -2), params)).toBeGreaterThan(full);
  });
});

describe("§2.6–§2.11 worked examples", () => {
  const oneToTen = Array.from({ length: 10 }, (_, i) => i + 1);
  it.each([
    [0.25, 2.75],
    [0.5, 5.5],
    [0.75, 8.25],
    [0.99, 10],
    [1 / 11, 1],
    [0.05, 1], // RECOMMENDED clamp (D-06); the original returns 5.05
    [0, 1],
    [1, 10],
  ])("percentile of 1..10 at %f is %f", (p, expected) => {
    close(samplePercentile(oneToTen, p), expected, 1e-12);
  });

  it("never reorders the caller's array (D-07) and rejects p outside [0, 1]", () => {
    const data = [3, 1, 2, 5, 4];
    samplePercentile(data, 0.5);
    qqSeries(data);
    expect(data).toEqual([3, 1, 2, 5, 4]);
    expectCode(() => samplePercentile(data, 1.5), "INVALID_INPUT");
    expectCode(() => samplePercentile([], 0.5), "SAMPLE_TOO_SMALL");
  });

  it("QQ series of [3,1,2,5,4] with the clamped first point", () => {
    const expected = [
      [-1.2815515655446004, 1.0],
      [-0.5244005127080409, 1.8],
      [0.0, 3.0],
      [0.5244005127080407, 4.2],
      [1.2815515655446004, 5.0],
    ];
    qqSeries([3, 1, 2, 5, 4]).forEach(([z, q], i) => {
      close(z, expected[i]![0]!, 1e-12);
      close(q, expected[i]![1]!, 1e-12);
    });
  });

  it("standardise [1,2,3,4]", () => {
    const expected = [-1.161895003862225, -0.3872983346207417, 0.3872983346207417, 1.161895003862225];
    standardize([1, 2, 3, 4]).forEach((v, i) => {
      close(v, expected[i]!, 1e-12);
    });
    expectCode(() => standardize([2, 2, 2]), "INVALID_INPUT");
  });

  it("univariate and bivariate normal log-likelihood examples", () => {
    close(normalLogLikelihood([0, 1, -1], 0, 1), -3.756815599614018, 1e-12);
    const ll = bivariateNormalLogLikelihood([0, 1, -1], [0, 1, 0.5], {
      meanX: 0,
      meanY: 0,
      varianceX: 1,
      varianceY: 1,
      covariance: 0.5,
    });
    close(ll, -6.915441423883698, 1e-12);
  });

  it("a non-positive-definite covariance is an error, not +∞ (D-03)", () => {
    const params = { meanX: 0, meanY: 0, varianceX: 1, varianceY: 1, covariance: 1 };
    expectCode(() => bivariateNormalLogLikelihood([0], [0], params), "INVALID_INPUT");
    expectCode(() => normalLogLikelihood([0], 0, 0), "INVALID_INPUT");
  });

  it("empirical copula example", () => {
    expect(empiricalCopula([1, 2, 3, 0], [2, 1, 3, 0], 2, 2)).toBe(0.75);
  });
});
