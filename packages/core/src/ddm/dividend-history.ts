import { calendarDaysFrom, toDayNumber } from "../calendar/iso-date.js";
import { ScrillaError } from "../errors.js";

/** One dividend: payment date (ISO) and amount per share. */
export interface DividendPayment {
  date: string;
  amount: number;
}

/** Validated copy of a dividend history, ascending by date (input may come in any order, e.g. latest first). */
export function sortedDividends(payments: readonly DividendPayment[]): DividendPayment[] {
  if (payments.length === 0) {
    throw new ScrillaError(
      "SAMPLE_TOO_SMALL",
      "The dividend model needs at least one dividend payment; this ticker has no dividend history.",
    );
  }
  for (const { date, amount } of payments) {
    toDayNumber(date);
    if (!Number.isFinite(amount) || amount < 0) {
      throw new ScrillaError("INVALID_INPUT", `Dividend amounts must be ≥ 0, got ${amount} on ${date}.`, {
        date,
        amount,
      });
    }
  }
  return [...payments].sort((a, b) => calendarDaysFrom(b.date, a.date));
}

/**
 * Mean gap between consecutive payments in years: (latest − earliest) days / (365·(N − 1)) (spec §6.3).
 * Needs two payments on different dates.
 */
export function inferPaymentPeriod(payments: readonly DividendPayment[]): number {
  const sorted = sortedDividends(payments);
  const span = calendarDaysFrom(sorted[0]!.date, sorted.at(-1)!.date);
  if (sorted.length < 2 || span === 0) {
    throw new ScrillaError(
      "SAMPLE_TOO_SMALL",
      "Inferring the payment period needs two payments on different dates; pass the period explicitly (e.g. 0.25).",
      { payments: sorted.length },
    );
  }
  return span / (365 * (sorted.length - 1));
}
