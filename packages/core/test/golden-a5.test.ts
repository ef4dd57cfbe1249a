import { describe, expect, it } from "vitest";
import { discountDividendModel, dividendNpv } from "../src/ddm/index.js";
import { relative } from "./support/assertions.js";
import { recordedDividends } from "./support/recorded-prices.js";

// Spec Appendix A.5: today pinned to 2021-11-19, discount 0.05, recorded AlphaVantage dividends.
const TODAY = "2021-11-19";

describe("A.5 discount dividend model — ALLY (20 payments)", () => {
  const dividends = recordedDividends("ALLY");
  const series = discountDividendModel({ dividends, discountRate: 0.05, today: TODAY, method: { kind: "tolerance" } });

  it("fits α, β, the period and T_today exactly", () => {
    expect(dividends).toHaveLength(20);
    expect(series.growth.fit).toBe("regression");
    expect(relative(series.growth.alpha, 0.09436028943122635)).toBeLessThan(1e-9);
    expect(relative(series.growth.beta, 0.029360085888076717)).toBeLessThan(1e-9);
    expect(relative(series.period, 0.2500360490266762)).toBeLessThan(1e-12);
    expect(relative(series.growth.todayOffset, 4.761643835616439)).toBeLessThan(1e-12);
    const latestFirst = series.growth.points.map((p) => p.time).reverse();
    expect(latestFirst.slice(0, 3)).toEqual([4.750684931506849, 4.501369863013698, 4.243835616438356]);
  });

  it("expects the next payment on 2022-02-14 (t0 = 87/365)", () => {
    expect(series.nextPayment).toEqual({ date: "2022-02-14", years: 87 / 365 });
  });

  it("reproduces the original's NPV 68.41594528884819 after 1521 terms with the tolerance series", () => {
    expect(series.terms).toBe(1521);
    expect(relative(series.npv, 68.41594528884819)).toBeLessThan(1e-9);
  });

  it("gives the exact perpetual value in closed form, just above the truncated series", () => {
    const closed = discountDividendModel({ dividends, discountRate: 0.05, today: TODAY });
    expect(closed.terms).toBe(Number.POSITIVE_INFINITY);
    // Independent check: the same series summed until terms fall below 1e-18.
    const longSum = dividendNpv({
      projection: closed.growth,
      discountRate: 0.05,
      firstPayment: 87 / 365,
      period: closed.period,
      method: { kind: "tolerance", tolerance: 1e-18 },
    });
    expect(relative(closed.npv, longSum.npv)).toBeLessThan(1e-9);
    // The original stops once a term is < 1e-7; the omitted tail is a few millionths.
    expect(closed.npv - 68.41594528884819).toBeGreaterThan(0);
    expect(closed.npv - 68.41594528884819).toBeLessThan(1e-5);
  });
});

describe("A.5 discount dividend model — BX (10 payments)", () => {
  const dividends = recordedDividends("BX");
  const series = discountDividendModel({ dividends, discountRate: 0.05, today: TODAY, method: { kind: "tolerance" } });

  it("fits α, β, the period and T_today", () => {
    expect(dividends).toHaveLength(10);
    expect(relative(series.growth.alpha, 0.36981144685959944)).toBeLessThan(1e-9);
    expect(relative(series.growth.beta, 0.24018130534731283)).toBeLessThan(1e-9);
    expect(relative(series.period, 0.25144596651445966)).toBeLessThan(1e-12);
    expect(relative(series.growth.todayOffset, 2.293150684931507)).toBeLessThan(1e-12);
  });

  it("reproduces the original's NPV 475.95912142261597 with the tolerance series", () => {
    expect(relative(series.npv, 475.95912142261597)).toBeLessThan(1e-9);
    const closed = discountDividendModel({ dividends, discountRate: 0.05, today: TODAY });
    expect(closed.npv - series.npv).toBeGreaterThan(0);
    expect(closed.npv - series.npv).toBeLessThan(1e-4);
  });
});

describe("A.5 discount dividend model — DIS (2 payments, D-26 RECOMMENDED)", () => {
  it("values a constant latest dividend instead of failing", () => {
    const dividends = recordedDividends("DIS");
    const result = discountDividendModel({ dividends, discountRate: 0.05, today: TODAY });
    expect(result.growth.fit).toBe("constant");
    expect(result.growth.alpha).toBe(0.88);
    expect(result.growth.beta).toBe(0);
    // Period from the two payments: 175 days.
    expect(result.period).toBe(175 / 365);
    // Closed form of a level annuity: D·v^{t0} / (1 − v^P).
    const v = 1 / 1.05;
    const expected = (0.88 * v ** result.nextPayment.years) / (1 - v ** result.period);
    expect(relative(result.npv, expected)).toBeLessThan(1e-12);
  });
});
