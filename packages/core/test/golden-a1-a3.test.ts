import { describe, expect, it } from "vitest";
import { costOfEquity, marketBeta, marketPremium, sharpeRatio } from "../src/capm/index.js";
import { assetCorrelation, correlationMatrix } from "../src/correlation/index.js";
import { simpleRegression } from "../src/estimators/index.js";
import { movingAverages } from "../src/moving-averages/index.js";
import { riskProfile } from "../src/profile/index.js";
import { logReturns } from "../src/returns/index.js";
import { recordedPrices } from "./support/recorded-prices.js";

const RELATIVE = 1e-9;

function expectRelative(actual: number, expected: number, tolerance = RELATIVE): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// Spec Appendix A.1: "moments (exact)", "percentiles" and "likelihood closed form" columns.
const A1 = {
  ALLY: [
    [-0.1286093252626298, 0.31738145569380244],
    [0.08890948029352472, 0.3075191254422132],
    [-0.12916279223196253, 0.31563278422821406],
  ],
  BX: [
    [1.146062541934498, 0.322838620543949],
    [1.412891833155438, 0.28903305518440814],
    [1.1454898783360659, 0.3210598818255794],
  ],
  SPY: [
    [0.2057412547879529, 0.10835338023228],
    [0.19552471018387113, 0.08535127115065685],
    [0.2056767467934047, 0.1077563873682891],
  ],
  DIS: [
    [-0.4537694919098071, 0.2464307370284767],
    [-0.408247812426208, 0.19543246458301372],
    [-0.4541031628337245, 0.2450729815882806],
  ],
  GLD: [
    [0.03348300372735142, 0.12790467127363433],
    [0.15323907431153244, 0.10187442950649399],
    [0.033393115788157, 0.12719995697807876],
  ],
  BTC: [
    [1.84891490021831, 0.667316551442401],
    [2.0853444711902602, 0.6486755050846156],
    [1.8471754026408511, 0.6647047349568564],
  ],
  ALGO: [
    [3.1555543152935144, 1.3594733699741286],
    [0.7753007539286203, 0.9619317969583825],
    [3.148334909654185, 1.354152514449591],
  ],
} as const;

const METHODS = ["moments", "percentiles", "likelihood"] as const;

describe("Appendix A.1 risk-return profiles from the recorded prices", () => {
  for (const [ticker, rows] of Object.entries(A1)) {
    const assetType = ticker === "BTC" || ticker === "ALGO" ? "crypto" : "equity";
    METHODS.forEach((method, column) => {
      it(`${ticker} ${method}`, () => {
        const prices = recordedPrices(ticker);
        expect(prices.close.length).toBe(assetType === "crypto" ? 129 : 92);
        const profile = riskProfile(prices.close, { method, assetType });
        const [annualReturn, annualVolatility] = rows[column]!;
        expectRelative(profile.annual_return, annualReturn);
        expectRelative(profile.annual_volatility, annualVolatility);
      });
    });
  }
});

describe("Appendix A.2 correlations (RECOMMENDED: Pearson for moments and likelihood, D-01/D-03)", () => {
  const PEARSON: [string, string, number][] = [
    ["ALLY", "BX", 0.210174607610038],
    ["SPY", "GLD", -0.03951067374270105],
    ["ALLY", "SPY", 0.424441731572819],
    ["BX", "SPY", 0.5879645941242769],
    ["BTC", "ALGO", 0.43401628440392626],
    // Mixed pair: returns between common dates for both assets (one convention, Δ = 1 on the shared
    // dates), i.e. the spec's "raw common-date log returns" figure. The 0.2658358797477435 figure divides
    // BTC's weekend-spanning returns by 3 while SPY's same-interval returns stay whole, pairing returns of
    // different horizons, so it is not used.
    ["BTC", "SPY", 0.2651402397847082],
  ];
  for (const [a, b, expected] of PEARSON) {
    for (const method of ["moments", "likelihood"] as const) {
      it(`${a}–${b} ${method}`, () => {
        const { correlation } = assetCorrelation(recordedPrices(a), recordedPrices(b), { method });
        expectRelative(correlation, expected);
      });
    }
  }

  it("the FAITHFUL moments figure is the Pearson one shrunk by (n−1)/n (D-01), n = 91 returns", () => {
    const { correlation } = assetCorrelation(recordedPrices("ALLY"), recordedPrices("BX"));
    expectRelative((correlation * 90) / 91, 0.20786499653740012);
  });

  it("moments correlation matrix of ALLY, BX, SPY uses the Pearson values and needs no repair", () => {
    const result = correlationMatrix(["ALLY", "BX", "SPY"].map((t) => recordedPrices(t)));
    const expected = [
      [1, 0.210174607610038, 0.424441731572819],
      [0.210174607610038, 1, 0.5879645941242769],
      [0.424441731572819, 0.5879645941242769, 1],
    ];
    expect(result.repaired).toBe(false);
    result.correlation_matrix.forEach((row, i) => {
      row.forEach((value, j) => {
        expectRelative(value, expected[i]![j]!);
      });
    });
  });
});

describe("Appendix A.3 CAPM, Sharpe, cost of equity, moving averages", () => {
  const spy = () => recordedPrices("SPY");
  const SHARPE_RF_0016 = { ALLY: -0.4556325603413433, BX: 3.500394531578847, DIS: -1.9062942292605412 };
  for (const [ticker, expected] of Object.entries(SHARPE_RF_0016)) {
    it(`${ticker} Sharpe ratio with r_f 0.016`, () => {
      expectRelative(sharpeRatio(riskProfile(recordedPrices(ticker).close), 0.016), expected);
    });
  }
  it("ALLY Sharpe ratio with r_f 0.0159", () => {
    expectRelative(sharpeRatio(riskProfile(recordedPrices("ALLY").close), 0.0159), -0.455317482071312);
  });

  // The golden β used the FAITHFUL moments correlation, Pearson·(n−1)/n (D-01). The RECOMMENDED β is
  // Pearson·σ_a/σ_m, so it equals golden β · n/(n−1) with n = 91, and is exactly the OLS slope.
  const BETA = { ALLY: 1.2295842121977378, BX: 1.7325880331413794, DIS: 1.1636774355661224 };
  for (const [ticker, golden] of Object.entries(BETA)) {
    it(`${ticker} beta against SPY`, () => {
      const asset = recordedPrices(ticker);
      const beta = marketBeta(asset, spy());
      expectRelative(beta, (golden * 91) / 90);
      const ols = simpleRegression(logReturns(spy().close), logReturns(asset.close));
      expectRelative(beta, ols.beta);
    });
  }

  const COST_RF_0016 = { ALLY: 0.24930285128985602, BX: 0.3447434274388376, DIS: 0.23679761679274391 };
  for (const [ticker, expected] of Object.entries(COST_RF_0016)) {
    it(`${ticker} cost of equity with r_f 0.016 from the golden β and the SPY profile`, () => {
      const market = riskProfile(spy().close);
      expectRelative(costOfEquity(BETA[ticker as keyof typeof BETA], market, 0.016), expected);
      expectRelative(marketPremium(market, 0.016), 0.2057412547879529 - 0.016);
    });
  }

  // The FAITHFUL moments MA is the log drift ln(P_d/P_{d−k})/(k·dt); our single definition (D-11) is μ,
  // so the comparison adds σ²/2 computed here independently (n − 1 variance of the window's returns / dt).
  function halfVariance(prices: Float64Array, end: number, period: number, dt: number): number {
    const r = Array.from({ length: period }, (_, i) =>
      Math.log(prices[end - period + i + 1]! / prices[end - period + i]!),
    );
    const mean = r.reduce((s, v) => s + v, 0) / period;
    return r.reduce((s, v) => s + (v - mean) ** 2, 0) / (period - 1) / dt / 2;
  }

  it("ALLY moving averages on 2021-11-19: moments (log drift + σ²/2) and percentiles", () => {
    const ally = recordedPrices("ALLY", "2021-01-01");
    const end = ally.dates.indexOf("2021-11-19");
    const moments = movingAverages(ally)["2021-11-19"]!;
    const logDrift = { MA_20: -0.7079221475625304, MA_60: -0.362452766228198, MA_100: -0.09847217849529788 };
    for (const [key, drift] of Object.entries(logDrift)) {
      const period = Number(key.slice(3));
      expectRelative(moments[key]!, drift + halfVariance(ally.close, end, period, 1 / 252));
    }
    const percentiles = movingAverages(ally, { method: "percentiles" })["2021-11-19"]!;
    expectRelative(percentiles.MA_20!, -0.20972216027151683);
    expectRelative(percentiles.MA_60!, 0.16162027771779214);
    expectRelative(percentiles.MA_100!, 0.05786172292395837);
  });

  it("BTC moments moving averages on 2021-11-18 and 2021-11-19 (every calendar day, dt 1/365)", () => {
    const btc = recordedPrices("BTC", "2021-06-01");
    const result = movingAverages(btc, { assetType: "crypto", from: "2021-11-18", to: "2021-11-19" });
    expect(Object.keys(result)).toEqual(["2021-11-18", "2021-11-19"]);
    const golden = {
      "2021-11-18": [-1.6437789161822491, 1.1307092812961974, 0.8087288892441058],
      "2021-11-19": [-1.1591921533129323, 1.8236616014409397, 0.8883707254313684],
    };
    for (const [date, drifts] of Object.entries(golden)) {
      const end = btc.dates.indexOf(date);
      [20, 60, 100].forEach((period, i) => {
        expectRelative(result[date]![`MA_${period}`]!, drifts[i]! + halfVariance(btc.close, end, period, 1 / 365));
      });
    }
  });

  it("ALLY likelihood moving averages: closed-form MLE μ, within the original's SLSQP error of its figures", () => {
    const ally = recordedPrices("ALLY", "2021-01-01");
    const end = ally.dates.indexOf("2021-11-19");
    const likelihood = movingAverages(ally, { method: "likelihood" })["2021-11-19"]!;
    const slsqp = { MA_20: -0.6579322542087175, MA_60: -0.31343457376301276, MA_100: -0.048438371918304364 };
    for (const [key, original] of Object.entries(slsqp)) {
      const period = Number(key.slice(3));
      const r = Array.from({ length: period }, (_, i) =>
        Math.log(ally.close[end - period + i + 1]! / ally.close[end - period + i]!),
      );
      const mean = r.reduce((s, v) => s + v, 0) / period;
      const variance = r.reduce((s, v) => s + (v - mean) ** 2, 0) / period / (1 / 252);
      expectRelative(likelihood[key]!, mean * 252 + variance / 2);
      // The spec reproduces SLSQP only approximately (returns ~6e-4).
      expect(Math.abs(likelihood[key]! - original)).toBeLessThan(6e-4);
    }
  });
});
