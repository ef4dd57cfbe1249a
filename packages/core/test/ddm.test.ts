import { describe, expect, it } from "vitest";
import {
  discountDividendModel,
  dividendNpv,
  fitDividendGrowth,
  inferPaymentPeriod,
  projectedDividend,
  timeToNextPayment,
} from "../src/ddm/index.js";
import { expectCode, relative } from "./support/assertions.js";
import { recordedDividends } from "./support/recorded-prices.js";

const quarterly = [
  { date: "2020-01-15", amount: 1.0 },
  { date: "2020-04-15", amount: 1.1 },
  { date: "2020-07-15", amount: 1.2 },
  { date: "2020-10-15", amount: 1.3 },
];

describe("growth regression (spec §6.2, D-26)", () => {
  it("regresses amounts on years since the first payment, in any input order", () => {
    const latestFirst = fitDividendGrowth([...quarterly].reverse(), "2021-01-15");
    const ascending = fitDividendGrowth(quarterly, "2021-01-15");
    expect(latestFirst).toEqual(ascending);
    expect(ascending.todayOffset).toBe(366 / 365);
    // Independent OLS on (t, amount).
    const t = quarterly.map((q) => (Date.parse(q.date) - Date.parse("2020-01-15")) / 86_400_000 / 365);
    const y = quarterly.map((q) => q.amount);
    const mt = t.reduce((a, b) => a + b) / 4;
    const my = y.reduce((a, b) => a + b) / 4;
    const beta = t.reduce((s, ti, i) => s + (ti - mt) * (y[i]! - my), 0) / t.reduce((s, ti) => s + (ti - mt) ** 2, 0);
    expect(relative(ascending.beta, beta)).toBeLessThan(1e-12);
    expect(relative(ascending.alpha, my - beta * mt)).toBeLessThan(1e-12);
    expect(projectedDividend(ascending, 0)).toBeCloseTo(ascending.alpha + ascending.beta * (366 / 365), 14);
  });

  it("keeps a genuine zero slope (the original treated exact zeros as failure)", () => {
    const flat = fitDividendGrowth(
      quarterly.map((q) => ({ ...q, amount: 0.5 })),
      "2021-01-15",
    );
    expect(flat.fit).toBe("regression");
    expect(flat.beta).toBeCloseTo(0, 15);
    expect(flat.alpha).toBeCloseTo(0.5, 15);
  });

  it("uses the latest amount as a constant with one or two payments, and rejects none", () => {
    const one = fitDividendGrowth([{ date: "2021-06-01", amount: 0.4 }], "2021-11-19");
    expect(one).toMatchObject({ fit: "constant", alpha: 0.4, beta: 0 });
    expectCode(() => fitDividendGrowth([], "2021-11-19"), "SAMPLE_TOO_SMALL");
    expectCode(() => fitDividendGrowth([{ date: "2021-06-01", amount: -1 }], "2021-11-19"), "INVALID_INPUT");
    expectCode(() => fitDividendGrowth([{ date: "2021-6-1", amount: 1 }], "2021-11-19"), "INVALID_INPUT");
  });
});

describe("payment period and next payment (spec §6.3, §6.4, D-27)", () => {
  it("infers the mean gap in years and needs two distinct dates", () => {
    expect(inferPaymentPeriod(quarterly)).toBe(274 / (365 * 3));
    expectCode(() => inferPaymentPeriod([{ date: "2021-06-01", amount: 1 }]), "SAMPLE_TOO_SMALL");
  });

  it("pays named periods at calendar boundaries, December included", () => {
    expect(timeToNextPayment("2021-11-15", 0.25, "2021-11-19")).toEqual({ date: "2022-01-01", years: 43 / 365 });
    expect(timeToNextPayment("2021-11-15", 1 / 12, "2021-12-10")).toEqual({ date: "2022-01-01", years: 22 / 365 });
    expect(timeToNextPayment("2021-11-15", 1, "2021-11-19")).toEqual({ date: "2022-01-01", years: 43 / 365 });
    expect(timeToNextPayment("2021-11-15", 1 / 365, "2021-11-19")).toEqual({ date: "2021-11-20", years: 1 / 365 });
  });

  it("steps an inferred period from the latest payment until on or after today", () => {
    expect(timeToNextPayment("2021-08-16", 0.2500360490266762, "2021-11-19")).toEqual({
      date: "2022-02-14",
      years: 87 / 365,
    });
  });
});

describe("net present value (spec §6.5, D-28)", () => {
  const linear = { kind: "linear", alpha: 1, beta: 0.1, todayOffset: 2 } as const;

  it("closed form equals a long explicit sum", () => {
    const closed = dividendNpv({ projection: linear, discountRate: 0.08, firstPayment: 0.1, period: 0.25 });
    let sum = 0;
    for (let i = 0; i < 200_000; i++) {
      const t = 0.1 + i * 0.25;
      sum += (1 + 0.1 * (t + 2)) / 1.08 ** t;
    }
    expect(relative(closed.npv, sum)).toBeLessThan(1e-10);
  });

  it("a horizon sums only the payments within it", () => {
    const bounded = dividendNpv({
      projection: linear,
      discountRate: 0.08,
      firstPayment: 0.1,
      period: 0.25,
      method: { kind: "horizon", years: 1 },
    });
    const expected = [0.1, 0.35, 0.6, 0.85].reduce((s, t) => s + (1 + 0.1 * (t + 2)) / 1.08 ** t, 0);
    expect(bounded.terms).toBe(4);
    expect(relative(bounded.npv, expected)).toBeLessThan(1e-14);
  });

  it("declining dividends stop at zero instead of turning negative", () => {
    const declining = { kind: "linear", alpha: 1, beta: -0.25, todayOffset: 0 } as const;
    const result = dividendNpv({ projection: declining, discountRate: 0.05, firstPayment: 0, period: 1 });
    const expected = 1 + 0.75 / 1.05 + 0.5 / 1.05 ** 2 + 0.25 / 1.05 ** 3;
    expect(result.terms).toBe(4);
    expect(relative(result.npv, expected)).toBeLessThan(1e-14);
  });

  it("a geometric (Gordon) projection matches D·v^{t0}/(1 − ((1+g)/(1+r))^P)", () => {
    const gordon = { kind: "geometric", amount: 2, growthRate: 0.03 } as const;
    const result = dividendNpv({ projection: gordon, discountRate: 0.07, firstPayment: 1, period: 1 });
    expect(relative(result.npv, (2 * 1.03) / (0.07 - 0.03))).toBeLessThan(1e-12);
  });

  it("rejects a growth rate at or above the discount rate with INFEASIBLE", () => {
    const gordon = { kind: "geometric", amount: 2, growthRate: 0.07 } as const;
    expectCode(() => dividendNpv({ projection: gordon, discountRate: 0.07, firstPayment: 1, period: 1 }), "INFEASIBLE");
    // A finite horizon stays finite.
    const bounded = dividendNpv({
      projection: gordon,
      discountRate: 0.07,
      firstPayment: 1,
      period: 1,
      method: { kind: "horizon", years: 3 },
    });
    expect(bounded.npv).toBeCloseTo(6, 12);
  });

  it.each([-0.05, 0, Number.NaN])(
    "rejects discount rate %d with INVALID_INPUT (spec §6.7: ddm -discount -0.05)",
    (rate) => {
      expectCode(
        () => discountDividendModel({ dividends: recordedDividends("ALLY"), discountRate: rate, today: "2021-11-19" }),
        "INVALID_INPUT",
      );
    },
  );

  it("rejects a single payment without a period, and values it with one", () => {
    const single = [{ date: "2021-08-16", amount: 0.25 }];
    expectCode(
      () => discountDividendModel({ dividends: single, discountRate: 0.05, today: "2021-11-19" }),
      "SAMPLE_TOO_SMALL",
    );
    const valued = discountDividendModel({ dividends: single, discountRate: 0.05, today: "2021-11-19", period: 0.25 });
    expect(relative(valued.npv, (0.25 * 1.05 ** -(43 / 365)) / (1 - 1.05 ** -0.25))).toBeLessThan(1e-12);
  });

  it("takes today as a parameter: a later valuation date moves the next payment", () => {
    const dividends = recordedDividends("ALLY");
    const early = discountDividendModel({ dividends, discountRate: 0.05, today: "2021-11-19" });
    const late = discountDividendModel({ dividends, discountRate: 0.05, today: "2022-02-15" });
    expect(late.nextPayment.date).toBe("2022-05-16");
    expect(late.growth.todayOffset - early.growth.todayOffset).toBeCloseTo(88 / 365, 12);
  });
});
