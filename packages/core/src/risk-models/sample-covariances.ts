import { centredRows } from "../covariance/covariance-matrix.js";
import { symmetricGram, symmetricGramOfRows } from "../covariance/gram-kernel.js";
import { assertPanel, type ReturnsPanel } from "../covariance/returns-panel.js";
import { type EwmaDecayOptions, ewmaDecay, ewmaWeights } from "../expected-returns/ewma-decay.js";
import type { AnnualisationOptions } from "../expected-returns/mean-returns.js";
import { DEFAULT_PERIODS_PER_YEAR } from "../labelled/estimator-options.js";
import { type CovarianceResult, scaled } from "./risk-model-result.js";

/** Annualised sample covariance: ppy · XcXcᵀ/(T − 1), Xc the rows centred on their means. */
export function sampleCovarianceMatrix(panel: ReturnsPanel, options: AnnualisationOptions = {}): CovarianceResult {
  assertPanel(panel, 2);
  const ppy = options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const gram = symmetricGramOfRows(panel.assets, panel.days, centredRows(panel));
  return { assets: panel.assets, covariance: scaled(gram, ppy / (panel.days - 1)), periodsPerYear: ppy };
}

export interface SemicovarianceOptions extends AnnualisationOptions {
  /** Per-period return below which a day counts as downside (default 0), e.g. the daily risk-free rate. */
  benchmark?: number;
}

/**
 * Annualised semicovariance (Estrada 2007; PyPortfolioOpt `semicovariance`):
 * ppy · DDᵀ/T with Dᵢₜ = min(rᵢₜ − b, 0), not centred.
 */
export function semicovarianceMatrix(panel: ReturnsPanel, options: SemicovarianceOptions = {}): CovarianceResult {
  assertPanel(panel, 1);
  const ppy = options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const benchmark = options.benchmark ?? 0;
  const downside = panel.values.map((r) => Math.min(r - benchmark, 0));
  const gram = symmetricGram(downside, panel.assets, panel.days);
  return { assets: panel.assets, covariance: scaled(gram, ppy / panel.days), periodsPerYear: ppy };
}

/**
 * Where an exponentially weighted covariance is centred:
 * - `"weighted-mean"`: on the EWMA mean (a weighted covariance in its own right; the default);
 * - `"sample-mean"`: on the plain sample mean (PyPortfolioOpt `exp_cov`);
 * - `"zero"`: not centred (RiskMetrics 1996, daily returns assumed to have zero mean).
 */
export type EwmaCentring = "weighted-mean" | "sample-mean" | "zero";
export const EWMA_CENTRINGS: readonly EwmaCentring[] = ["weighted-mean", "sample-mean", "zero"];

export interface EwmaCovarianceOptions extends AnnualisationOptions, EwmaDecayOptions {
  centring?: EwmaCentring;
}

/** Annualised EWMA covariance: ppy · Σₜ wₜ (rᵢₜ − cᵢ)(rⱼₜ − cⱼ), weights of `ewmaWeights` (default span 60). */
export function ewmaCovarianceMatrix(panel: ReturnsPanel, options: EwmaCovarianceOptions = {}): CovarianceResult {
  assertPanel(panel, 2);
  const ppy = options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const centring = options.centring ?? "weighted-mean";
  const { assets, days, values } = panel;
  const weights = ewmaWeights(days, ewmaDecay(options, { span: 60 }));
  const scaledRows = new Float64Array(values.length);
  for (let i = 0; i < assets; i++) {
    const base = i * days;
    let centre = 0;
    if (centring === "weighted-mean") for (let t = 0; t < days; t++) centre += weights[t]! * values[base + t]!;
    if (centring === "sample-mean") {
      for (let t = 0; t < days; t++) centre += values[base + t]!;
      centre /= days;
    }
    for (let t = 0; t < days; t++) scaledRows[base + t] = Math.sqrt(weights[t]!) * (values[base + t]! - centre);
  }
  return { assets, covariance: scaled(symmetricGram(scaledRows, assets, days), ppy), periodsPerYear: ppy };
}
