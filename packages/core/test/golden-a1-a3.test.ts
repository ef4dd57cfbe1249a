import { describe, expect, it } from "vitest";
import { riskProfile } from "../src/profile/index.js";
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
