import { calendarDaysFrom } from "../calendar/iso-date.js";
import { simpleRegression } from "../estimators/simple-regression.js";
import { type DividendPayment, sortedDividends } from "./dividend-history.js";

/** A dividend projection: the amount per share paid x years from today. */
export type DividendProjection =
  | {
      kind: "linear";
      /** Intercept: fitted dividend at the first recorded payment. */
      alpha: number;
      /** Change in dividend per year. */
      beta: number;
      /** Years from the first recorded payment to today (T_today). */
      todayOffset: number;
    }
  | {
      kind: "geometric";
      /** Dividend paid now. */
      amount: number;
      /** Annual growth rate g: the dividend x years from today is amount·(1 + g)^x. */
      growthRate: number;
    };

/** The linear growth model fitted to a dividend history, with the data it was fitted on. */
export interface LinearDividendGrowth {
  kind: "linear";
  alpha: number;
  beta: number;
  todayOffset: number;
  /** "regression" with ≥ 3 payments; "constant" (latest amount, β = 0) with 1–2 payments (D-26). */
  fit: "regression" | "constant";
  /** Each payment with its time in years since the first payment, ascending. */
  points: { date: string; time: number; amount: number }[];
}

const DAYS_PER_YEAR = 365;

/**
 * Regresses dividend amounts on time since the first payment (spec §6.2 with D-26 fixed):
 * ≥ 3 payments → OLS; 1–2 → the latest amount, constant; none → SAMPLE_TOO_SMALL.
 */
export function fitDividendGrowth(payments: readonly DividendPayment[], today: string): LinearDividendGrowth {
  const sorted = sortedDividends(payments);
  const first = sorted[0]!.date;
  const points = sorted.map(({ date, amount }) => ({
    date,
    amount,
    time: calendarDaysFrom(first, date) / DAYS_PER_YEAR,
  }));
  const todayOffset = calendarDaysFrom(first, today) / DAYS_PER_YEAR;
  if (points.length < 3) {
    return { kind: "linear", alpha: sorted.at(-1)!.amount, beta: 0, todayOffset, fit: "constant", points };
  }
  const { alpha, beta } = simpleRegression(
    points.map((p) => p.time),
    points.map((p) => p.amount),
  );
  return { kind: "linear", alpha, beta, todayOffset, fit: "regression", points };
}

/** The projected dividend x years from today. */
export function projectedDividend(projection: DividendProjection, yearsFromToday: number): number {
  return projection.kind === "linear"
    ? projection.alpha + projection.beta * (yearsFromToday + projection.todayOffset)
    : projection.amount * (1 + projection.growthRate) ** yearsFromToday;
}
