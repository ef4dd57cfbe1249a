import { describe, expect, it } from "vitest";
import { alignSeries, annualisedReturns, defaultWeekends, logReturns, samplingPeriod } from "../src/returns/index.js";
import { codeOf } from "./support/assertions.js";
import { recordedPrices } from "./support/recorded-prices.js";

describe("returns", () => {
  it("daily log returns are ln(P[t]/P[t−1]), oldest first, one fewer than prices", () => {
    const r = logReturns([100, 110, 99]);
    expect(r.length).toBe(2);
    expect(r[0]).toBeCloseTo(Math.log(1.1), 15);
    expect(r[1]).toBeCloseTo(Math.log(0.9), 15);
  });

  it("annualised returns divide by dt (§1.4)", () => {
    const a = annualisedReturns([100, 101], 1 / 252);
    expect(a[0]! / 252).toBeCloseTo(Math.log(1.01), 15);
  });

  it("rejects non-positive or non-finite prices and too short series", () => {
    expect(codeOf(() => logReturns([1, 0, 2]))).toBe("INVALID_INPUT");
    expect(codeOf(() => logReturns([1, -3]))).toBe("INVALID_INPUT");
    expect(codeOf(() => logReturns([1, Number.NaN]))).toBe("INVALID_INPUT");
    expect(codeOf(() => logReturns([1]))).toBe("SAMPLE_TOO_SMALL");
  });

  it("dt is 1/365 only for crypto sampled on every calendar day (D-10)", () => {
    expect(samplingPeriod("equity")).toBe(1 / 252);
    expect(samplingPeriod("crypto")).toBe(1 / 365);
    expect(samplingPeriod("crypto", true)).toBe(1 / 365);
    expect(samplingPeriod("crypto", false)).toBe(1 / 252);
    expect(samplingPeriod("equity", true)).toBe(1 / 252);
  });

  it("weekends defaults to 1 only when every asset is crypto (§1.5)", () => {
    expect(defaultWeekends(["crypto"])).toBe(true);
    expect(defaultWeekends(["crypto", "crypto"])).toBe(true);
    expect(defaultWeekends(["crypto", "equity"])).toBe(false);
    expect(defaultWeekends(["equity"])).toBe(false);
    expect(defaultWeekends([])).toBe(false);
  });
});

describe("alignSeries", () => {
  it("keeps the common dates of crypto and equity series (the trading days)", () => {
    const btc = recordedPrices("BTC");
    const spy = recordedPrices("SPY");
    const aligned = alignSeries(btc, spy);
    expect(aligned.dates).toEqual(spy.dates);
    expect(Array.from(aligned.second)).toEqual(Array.from(spy.close));
    const btcIndex = btc.dates.indexOf("2021-11-19");
    expect(aligned.first[aligned.dates.indexOf("2021-11-19")]).toBe(btc.close[btcIndex]);
  });

  it("rejects disjoint series, unsorted dates and mismatched lengths", () => {
    const a = { dates: ["2021-01-04", "2021-01-05"], close: Float64Array.of(1, 2) };
    const b = { dates: ["2021-02-01"], close: Float64Array.of(1) };
    expect(codeOf(() => alignSeries(a, b))).toBe("UNALIGNED_SERIES");
    const unsorted = { dates: ["2021-01-05", "2021-01-04"], close: Float64Array.of(1, 2) };
    expect(codeOf(() => alignSeries(unsorted, a))).toBe("INVALID_INPUT");
    const ragged = { dates: ["2021-01-04"], close: Float64Array.of(1, 2) };
    expect(codeOf(() => alignSeries(a, ragged))).toBe("INVALID_INPUT");
  });
});
