/** Spec §10.7 number formatting (the original's `format_float_number` / `format_float_percent`). */

const ACCURACY = 1e-7;
const SIG_FIGS = 5;

/** True for 0 and for magnitudes below 1e-7, which print as 0. */
export function exceedsAccuracy(x: number): boolean {
  return x === 0 || Math.abs(x) < ACCURACY;
}

/** Rounds to `digits` significant digits (0 stays 0). */
export function significantDigits(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const decimals = -Math.floor(Math.log10(Math.abs(x))) + digits - 1;
  return roundTo(x, decimals);
}

/** 5 significant digits, at most 7 decimals, trailing zeros stripped: 1.123456 → "1.1235". */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (exceedsAccuracy(x)) return "0";
  return stripZeros(significantDigits(x, SIG_FIGS).toFixed(7));
}

/** Like formatNumber, ×100 after rounding, with "%": 0.15678 → "15.678%". */
export function formatPercent(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (exceedsAccuracy(x)) return "0%";
  return `${stripZeros((significantDigits(x, SIG_FIGS) * 100).toFixed(7))}%`;
}

/** Money to the cent with thousands separators: 9699.386 → "$9,699.39". */
export function formatMoney(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const sign = x < 0 ? "-" : "";
  return `${sign}$${Math.abs(x).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function roundTo(x: number, decimals: number): number {
  const text = String(x);
  // Shifting the decimal point in the string avoids 1.005 * 100 style binary drift.
  if (decimals >= 0 && !text.includes("e")) return Number(`${Math.round(Number(`${text}e${decimals}`))}e-${decimals}`);
  if (decimals >= 0) return Math.round(x * 10 ** decimals) / 10 ** decimals;
  const factor = 10 ** -decimals;
  return Math.round(x / factor) * factor;
}

function stripZeros(text: string): string {
  const stripped = text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
  return stripped === "-0" ? "0" : stripped;
}
