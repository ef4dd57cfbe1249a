import { ScrillaError } from "../errors.js";
import { symmetricGram, symmetricGramOfRows } from "./gram-kernel.js";
import type { RowWriter } from "./gram-rows.js";
import { assertPanel, type ReturnsPanel } from "./returns-panel.js";

export const COVARIANCE_METHODS = ["sample", "ewma", "ledoit-wolf"] as const;
export type CovarianceMethod = (typeof COVARIANCE_METHODS)[number];

export interface CovarianceOptions {
  /** Default "sample". */
  method?: CovarianceMethod;
  /** EWMA decay per day, 0 < λ < 1 (RiskMetrics daily default 0.94). */
  decay?: number;
}

/** An assets × assets covariance of daily returns (row-major), with the shrinkage used by Ledoit–Wolf. */
export interface CovarianceEstimate {
  assets: number;
  covariance: Float64Array;
  /** Ledoit–Wolf intensity δ ∈ [0, 1] toward μ·I; 0 for the other methods. */
  shrinkage: number;
}

/**
 * Covariance matrix of the aligned daily returns in a panel.
 * - `sample`: centred, divisor T − 1 (§2.3 for every pair at once).
 * - `ewma`: weights ∝ λ^(T−1−t) summing to 1 (latest day heaviest), centred on the weighted mean.
 * - `ledoit-wolf`: Ledoit & Wolf (2004) shrinkage of the maximum-likelihood covariance (divisor T) toward
 *   μ·I, μ = tr(S)/N, with the optimal intensity estimated from the data (as scikit-learn's `ledoit_wolf`).
 * Every result is symmetric and positive semi-definite by construction.
 */
export function covarianceMatrix(panel: ReturnsPanel, options: CovarianceOptions = {}): CovarianceEstimate {
  const method = options.method ?? "sample";
  switch (method) {
    case "sample":
      return { assets: panel.assets, covariance: sampleCovarianceMatrix(panel), shrinkage: 0 };
    case "ewma":
      return { assets: panel.assets, covariance: ewmaCovarianceMatrix(panel, options.decay ?? 0.94), shrinkage: 0 };
    case "ledoit-wolf":
      return ledoitWolfCovariance(panel);
    default:
      throw new ScrillaError(
        "UNKNOWN_METHOD",
        `unknown covariance method "${String(method)}"; use one of ${COVARIANCE_METHODS.join(", ")}`,
      );
  }
}

/** Rows minus their means (a new array). */
export function centreRows(panel: ReturnsPanel): Float64Array {
  const { assets, days, values } = panel;
  const centred = new Float64Array(values.length);
  for (let i = 0; i < assets; i++) {
    const base = i * days;
    let sum = 0;
    for (let t = 0; t < days; t++) sum += values[base + t]!;
    const mean = sum / days;
    for (let t = 0; t < days; t++) centred[base + t] = values[base + t]! - mean;
  }
  return centred;
}

/** The rows minus their means, written as the Gram kernel packs them (no centred copy of the panel). */
export function centredRows(panel: ReturnsPanel): RowWriter {
  const { days, values } = panel;
  return (row, target, offset, stride) => {
    const base = row * days;
    let sum = 0;
    for (let t = 0; t < days; t++) sum += values[base + t]!;
    const mean = sum / days;
    for (let t = 0; t < days; t++) target[offset + t * stride] = values[base + t]! - mean;
  };
}

function sampleCovarianceMatrix(panel: ReturnsPanel): Float64Array {
  assertPanel(panel, 2);
  const gram = symmetricGramOfRows(panel.assets, panel.days, centredRows(panel));
  const scale = 1 / (panel.days - 1);
  for (let i = 0; i < gram.length; i++) gram[i] = gram[i]! * scale;
  return gram;
}

function ewmaCovarianceMatrix(panel: ReturnsPanel, decay: number): Float64Array {
  if (!(decay > 0 && decay < 1)) {
    throw new ScrillaError("INVALID_INPUT", `EWMA decay must lie strictly between 0 and 1, got ${decay}; try 0.94`);
  }
  assertPanel(panel, 2);
  const { assets, days, values } = panel;
  const weights = new Float64Array(days);
  let total = 0;
  for (let t = days - 1, w = 1; t >= 0; t--, w *= decay) {
    weights[t] = w;
    total += w;
  }
  const rootWeights = weights.map((w) => Math.sqrt(w / total));
  const scaled = new Float64Array(values.length);
  for (let i = 0; i < assets; i++) {
    const base = i * days;
    let mean = 0;
    for (let t = 0; t < days; t++) mean += (weights[t]! / total) * values[base + t]!;
    for (let t = 0; t < days; t++) scaled[base + t] = rootWeights[t]! * (values[base + t]! - mean);
  }
  return symmetricGram(scaled, assets, days);
}

function ledoitWolfCovariance(panel: ReturnsPanel): CovarianceEstimate {
  assertPanel(panel, 2);
  const { assets: n, days: t } = panel;
  const centred = centreRows(panel);
  const s = symmetricGram(centred, n, t);
  for (let i = 0; i < s.length; i++) s[i] = s[i]! / t;
  let trace = 0;
  for (let i = 0; i < n; i++) trace += s[i * n + i]!;
  const mu = trace / n;
  let frobenius = 0;
  let distance = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = s[i * n + j]!;
      frobenius += value * value;
      const gap = value - (i === j ? mu : 0);
      distance += gap * gap;
    }
  }
  // β̄ = Σ_t ‖x_t x_tᵀ − S‖²_F / (N T²) = (Σ_t ‖x_t‖⁴ / T − ‖S‖²_F) / (N T), x_t the centred day-t vector.
  let fourth = 0;
  for (let day = 0; day < t; day++) {
    let squaredNorm = 0;
    for (let i = 0; i < n; i++) squaredNorm += centred[i * t + day]! ** 2;
    fourth += squaredNorm * squaredNorm;
  }
  const betaBar = (fourth / t - frobenius) / (n * t);
  const delta = distance / n;
  const shrinkage = delta === 0 ? 0 : Math.min(Math.max(betaBar, 0), delta) / delta;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) s[i * n + j] = (1 - shrinkage) * s[i * n + j]! + (i === j ? shrinkage * mu : 0);
  }
  return { assets: n, covariance: s, shrinkage };
}
