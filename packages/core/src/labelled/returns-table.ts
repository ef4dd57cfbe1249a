import type { ReturnsPanel } from "../covariance/returns-panel.js";
import { ScrillaError } from "../errors.js";
import { type MissingDataPolicy, type PriceInput, type PricePanel, pricePanel } from "./price-panel.js";

export type ReturnKind = "simple" | "log";
export const RETURN_KINDS: readonly ReturnKind[] = ["simple", "log"];

/** Per-period returns labelled by ticker and by the date each period ends; NaN where a price is missing. */
export interface ReturnsTable extends ReturnsPanel {
  tickers: string[];
  dates: string[];
  kind: ReturnKind;
  /** False when some return is missing (only under the "pairwise" policy). */
  complete: boolean;
}

/** Returns between adjacent observations: Pₜ/Pₜ₋₁ − 1 (simple) or ln(Pₜ/Pₜ₋₁) (log). */
export function returnsFromPrices(
  input: PriceInput,
  options: { returns?: ReturnKind; missing?: MissingDataPolicy } = {},
): ReturnsTable {
  return returnsOfPanel(pricePanel(input, options.missing ?? "reject"), options.returns ?? "simple");
}

export function returnsOfPanel(prices: PricePanel, kind: ReturnKind): ReturnsTable {
  const { tickers, dates, values } = prices;
  const n = tickers.length;
  const days = dates.length - 1;
  if (days < 2) {
    throw new ScrillaError(
      "SAMPLE_TOO_SMALL",
      `${dates.length} date(s) of prices give fewer than 2 returns; widen the window.`,
      {
        dates: dates.length,
      },
    );
  }
  const out = new Float64Array(n * days);
  let complete = true;
  for (let i = 0; i < n; i++) {
    const base = i * dates.length;
    for (let t = 0; t < days; t++) {
      const ratio = values[base + t + 1]! / values[base + t]!;
      const value = kind === "log" ? Math.log(ratio) : ratio - 1;
      if (Number.isNaN(value)) complete = false;
      out[i * days + t] = value;
    }
  }
  return { tickers: [...tickers], dates: dates.slice(1), kind, complete, assets: n, days, values: out };
}
