import { ScrillaError } from "../errors.js";
import { type DividendProjection, projectedDividend } from "./dividend-growth.js";

/**
 * How far to sum the projected payments:
 * - `closed-form`: every future payment, summed exactly (default);
 * - `horizon`: only payments within `years` of today;
 * - `tolerance`: the original's series, adding terms until one is smaller than `tolerance` in absolute
 *   value (default 1e-7, that term included) — reproduces scrilla's published NPVs.
 */
export type NpvMethod =
  | { kind: "closed-form" }
  | { kind: "horizon"; years: number }
  | { kind: "tolerance"; tolerance?: number };

export interface DividendNpvInput {
  projection: DividendProjection;
  /** Annual discount rate r (annual compounding), > 0. */
  discountRate: number;
  /** Years from today to the first future payment (t0). */
  firstPayment: number;
  /** Years between payments. */
  period: number;
  method?: NpvMethod | undefined;
}

export interface DividendNpv {
  npv: number;
  /** Payments summed; Infinity for the closed form of a never-ending stream. */
  terms: number;
}

const MAX_SERIES_TERMS = 10_000_000;

function invalid(message: string, details: Record<string, unknown>): ScrillaError {
  return new ScrillaError("INVALID_INPUT", message, details);
}

function checkInput({ projection, discountRate, firstPayment, period, method }: DividendNpvInput): void {
  if (!(discountRate > 0) || !Number.isFinite(discountRate)) {
    throw invalid(
      `The discount rate must be positive, got ${discountRate}; a growing dividend stream discounted at ≤ 0 % has no finite value.`,
      { discountRate },
    );
  }
  if (!(period > 0) || !Number.isFinite(period))
    throw invalid(`The payment period must be positive, got ${period}.`, { period });
  if (!(firstPayment >= 0) || !Number.isFinite(firstPayment)) {
    throw invalid(`The time to the first payment must be ≥ 0 years, got ${firstPayment}.`, { firstPayment });
  }
  if (method?.kind === "horizon" && !(method.years >= 0)) {
    throw invalid(`The horizon must be ≥ 0 years, got ${method.years}.`, { horizon: method.years });
  }
  if (method?.kind === "tolerance" && !((method.tolerance ?? 1e-7) > 0)) {
    throw invalid(`The series tolerance must be positive, got ${method.tolerance}.`, { tolerance: method.tolerance });
  }
  if (projection.kind === "geometric" && projection.growthRate >= discountRate && method?.kind !== "horizon") {
    throw new ScrillaError(
      "INFEASIBLE",
      `The dividend growth rate ${projection.growthRate} is not below the discount rate ${discountRate}, so the perpetual value is infinite; use a higher discount rate or a finite horizon.`,
      { growthRate: projection.growthRate, discountRate },
    );
  }
}

/** Index of the last payment with a positive projected dividend, or Infinity if dividends never stop. */
function lastPositivePayment(input: DividendNpvInput): number {
  const { projection, firstPayment, period } = input;
  if (projection.kind === "geometric") return projection.amount > 0 ? Number.POSITIVE_INFINITY : -1;
  const atFirst = projectedDividend(projection, firstPayment);
  if (projection.beta >= 0) return atFirst > 0 ? Number.POSITIVE_INFINITY : -1;
  // A declining linear projection reaches zero; dividends stop there rather than turning negative.
  return atFirst > 0 ? Math.ceil(atFirst / (-projection.beta * period)) - 1 : -1;
}

function sumPayments(input: DividendNpvInput, lastIndex: number): number {
  const { projection, discountRate, firstPayment, period } = input;
  let npv = 0;
  for (let i = 0; i <= lastIndex; i++) {
    const t = firstPayment + i * period;
    npv += projectedDividend(projection, t) / (1 + discountRate) ** t;
  }
  return npv;
}

function closedForm(input: DividendNpvInput): number {
  const { projection, discountRate, firstPayment: t0, period } = input;
  const lead = (1 + discountRate) ** -t0;
  if (projection.kind === "geometric") {
    const ratio = ((1 + projection.growthRate) / (1 + discountRate)) ** period;
    return (projection.amount * (1 + projection.growthRate) ** t0 * lead) / (1 - ratio);
  }
  // Σ_i (c + β t_i) x^i v^{t0} with x = (1+r)^-P: geometric series plus its derivative.
  const x = (1 + discountRate) ** -period;
  const first = projectedDividend(projection, t0);
  return lead * (first / (1 - x) + (projection.beta * period * x) / (1 - x) ** 2);
}

function toleranceSeries(input: DividendNpvInput, tolerance: number, lastIndex: number): DividendNpv {
  const { projection, discountRate, firstPayment, period } = input;
  let npv = 0;
  for (let i = 0; i < MAX_SERIES_TERMS; i++) {
    if (i > lastIndex) return { npv, terms: i };
    const t = firstPayment + i * period;
    const term = projectedDividend(projection, t) / (1 + discountRate) ** t;
    npv += term;
    if (Math.abs(term) < tolerance) return { npv, terms: i + 1 };
  }
  throw new ScrillaError(
    "NOT_CONVERGED",
    `The dividend series did not fall below ${tolerance} within ${MAX_SERIES_TERMS} payments; use the closed form or a horizon.`,
    { tolerance },
  );
}

/** Net present value of projected dividends paid at t0, t0 + P, … years (spec §6.5, D-28 fixed). */
export function dividendNpv(input: DividendNpvInput): DividendNpv {
  checkInput(input);
  const method = input.method ?? { kind: "closed-form" };
  const lastPositive = lastPositivePayment(input);
  if (method.kind === "tolerance") return toleranceSeries(input, method.tolerance ?? 1e-7, lastPositive);
  if (method.kind === "horizon") {
    const withinHorizon = Math.floor((method.years - input.firstPayment) / input.period + 1e-12);
    const last = Math.min(lastPositive, withinHorizon);
    return { npv: sumPayments(input, last), terms: Math.max(0, last + 1) };
  }
  if (Number.isFinite(lastPositive)) return { npv: sumPayments(input, lastPositive), terms: lastPositive + 1 };
  return { npv: closedForm(input), terms: Number.POSITIVE_INFINITY };
}
