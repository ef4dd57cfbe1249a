import type { ReturnsPanel } from "../covariance/returns-panel.js";
import { ScrillaError } from "../errors.js";
import { DEFAULT_PERIODS_PER_YEAR } from "../labelled/estimator-options.js";
import { type EwmaDecayOptions, ewmaDecay, ewmaWeights } from "./ewma-decay.js";

export interface AnnualisationOptions {
  /** Periods per year used to annualise (default 252; 365 crypto, 52 weekly, 12 monthly; 1 = per period). */
  periodsPerYear?: number;
}

/** Annualised arithmetic mean per asset: ppy · mean(rₜ). NaN entries are missing and skipped. */
export function arithmeticMeanReturns(panel: ReturnsPanel, options: AnnualisationOptions = {}): Float64Array {
  const ppy = options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  return perAsset(panel, (row) => {
    let sum = 0;
    let count = 0;
    for (const r of row) {
      if (Number.isNaN(r)) continue;
      sum += r;
      count++;
    }
    return ppy * (sum / observed(count, 1));
  });
}

/**
 * Compound annual growth rate per asset: (growth)^(ppy/T) − 1 with growth = Π(1 + rₜ) for simple returns
 * or exp(Σ rₜ) for log returns, T the number of observed returns (NaN skipped).
 */
export function geometricMeanReturns(
  panel: ReturnsPanel,
  options: AnnualisationOptions & { returns?: "simple" | "log" } = {},
): Float64Array {
  const ppy = options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const log = options.returns === "log";
  return perAsset(panel, (row) => {
    let logGrowth = 0;
    let count = 0;
    for (const r of row) {
      if (Number.isNaN(r)) continue;
      logGrowth += log ? r : Math.log1p(r);
      count++;
    }
    return Math.expm1((logGrowth * ppy) / observed(count, 1));
  });
}

/** Annualised exponentially weighted mean per asset: ppy · Σ wₜ rₜ with `ewmaWeights` (default span 500). */
export function ewmaMeanReturns(
  panel: ReturnsPanel,
  options: AnnualisationOptions & EwmaDecayOptions = {},
): Float64Array {
  const ppy = options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const weights = ewmaWeights(panel.days, ewmaDecay(options, { span: 500 }));
  return perAsset(panel, (row) => {
    let sum = 0;
    for (let t = 0; t < row.length; t++) sum += weights[t]! * row[t]!;
    return ppy * sum;
  });
}

/**
 * scrilla's GBM drift from log returns: μ = ppy · mean + σ²/2 with σ² = ppy · sample variance (n − 1),
 * the `annual_return` of the engine's moments profile.
 */
export function gbmDriftReturns(logReturnsPanel: ReturnsPanel, options: AnnualisationOptions = {}): Float64Array {
  const ppy = options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  return perAsset(logReturnsPanel, (row) => {
    const n = observed(row.length, 2);
    let sum = 0;
    for (const r of row) sum += r;
    const mean = sum / n;
    let squares = 0;
    for (const r of row) squares += (r - mean) ** 2;
    return ppy * mean + (ppy * squares) / (n - 1) / 2;
  });
}

export function perAsset(panel: ReturnsPanel, statistic: (row: Float64Array) => number): Float64Array {
  const out = new Float64Array(panel.assets);
  for (let i = 0; i < panel.assets; i++)
    out[i] = statistic(panel.values.subarray(i * panel.days, (i + 1) * panel.days));
  return out;
}

function observed(count: number, minimum: number): number {
  if (count < minimum) {
    throw new ScrillaError(
      "SAMPLE_TOO_SMALL",
      `an asset has ${count} observed return(s); at least ${minimum} are needed`,
    );
  }
  return count;
}
