import { centreRows } from "../covariance/covariance-matrix.js";
import { symmetricGram } from "../covariance/gram-kernel.js";
import { assertPanel, type ReturnsPanel } from "../covariance/returns-panel.js";
import { invalidInput, ScrillaError } from "../errors.js";
import type { AnnualisationOptions } from "../expected-returns/mean-returns.js";
import { DEFAULT_PERIODS_PER_YEAR } from "../labelled/estimator-options.js";
import { matVec } from "../linalg/index.js";
import { type CovarianceResult, scaled } from "./risk-model-result.js";

/** The three classic Ledoit–Wolf targets. */
export type LedoitWolfTarget = "constant-variance" | "single-factor" | "constant-correlation";
export const LEDOIT_WOLF_TARGETS: readonly LedoitWolfTarget[] = [
  "constant-variance",
  "single-factor",
  "constant-correlation",
];

export interface LedoitWolfOptions extends AnnualisationOptions {
  /** Default "constant-variance". */
  target?: LedoitWolfTarget;
}

/**
 * Ledoit–Wolf shrinkage δF + (1 − δ)S of the maximum-likelihood covariance S = XcXcᵀ/T with the
 * optimal intensity δ estimated from the data, then annualised:
 * - `constant-variance`: F = (tr S/N)·I (Ledoit & Wolf 2004, J. Multivariate Anal.; scikit-learn `ledoit_wolf`);
 * - `single-factor`: F = ββᵀ·σ²ₘ off the diagonal, Sᵢᵢ on it, m the equal-weighted market (Ledoit & Wolf 2003,
 *   J. Empirical Finance; their `covMarket.m`);
 * - `constant-correlation`: Fᵢⱼ = r̄·σᵢσⱼ, Fᵢᵢ = Sᵢᵢ (Ledoit & Wolf 2004, J. Portfolio Management, "Honey, I
 *   shrunk…"; their `covCor.m`).
 * One N×N Gram product, then O(N·T) sums: the N×N×T products of the papers' code collapse to vector sums.
 */
export function ledoitWolfCovariance(panel: ReturnsPanel, options: LedoitWolfOptions = {}): CovarianceResult {
  assertPanel(panel, 2);
  const ppy = options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const target = options.target ?? "constant-variance";
  const { assets: n, days: t } = panel;
  const x = centreRows(panel);
  const s = scaled(symmetricGram(x, n, t), 1 / t);
  let shrinkage: number;
  let prior: Float64Array;
  switch (target) {
    case "constant-variance":
      ({ shrinkage, prior } = constantVarianceIntensity(x, s, n, t));
      break;
    case "single-factor":
      ({ shrinkage, prior } = singleFactorIntensity(x, s, n, t));
      break;
    case "constant-correlation":
      ({ shrinkage, prior } = constantCorrelationIntensity(x, s, n, t));
      break;
    default:
      throw new ScrillaError(
        "UNKNOWN_METHOD",
        `unknown Ledoit–Wolf target "${String(target)}"; use one of ${LEDOIT_WOLF_TARGETS.join(", ")}`,
      );
  }
  const covariance = blend(s, prior, shrinkage, ppy);
  return { assets: n, covariance, periodsPerYear: ppy, shrinkage };
}

/**
 * Oracle Approximating Shrinkage (Chen, Wiesel, Eldar & Hero 2010, IEEE Trans. Signal Process. 58(10)) toward
 * (tr S/N)·I, in the form of the authors' implementation that scikit-learn's `oas` uses:
 * ρ = min((a + μ²) / ((T + 1)(a − μ²/N)), 1), a = ‖S‖²_F/N², μ = tr S/N, S the ML covariance.
 */
export function oracleApproximatingShrinkage(
  panel: ReturnsPanel,
  options: AnnualisationOptions = {},
): CovarianceResult {
  assertPanel(panel, 2);
  const ppy = options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const { assets: n, days: t } = panel;
  const s = scaled(symmetricGram(centreRows(panel), n, t), 1 / t);
  const mu = trace(s, n) / n;
  const a = frobeniusSquared(s) / (n * n);
  const denominator = (t + 1) * (a - (mu * mu) / n);
  const shrinkage = denominator === 0 ? 1 : Math.min((a + mu * mu) / denominator, 1);
  return { assets: n, covariance: blend(s, scaledIdentity(n, mu), shrinkage, ppy), periodsPerYear: ppy, shrinkage };
}

/** (1 − δ)Σ + δ·(tr Σ/N)·I for a given intensity δ ∈ [0, 1] (PyPortfolioOpt `shrunk_covariance`). */
export function shrunkCovariance(covariance: Float64Array, assets: number, intensity: number): Float64Array {
  if (covariance.length !== assets * assets) {
    throw invalidInput(`A ${assets}-asset covariance needs ${assets * assets} entries, got ${covariance.length}.`);
  }
  if (typeof intensity !== "number" || !(intensity >= 0 && intensity <= 1)) {
    throw invalidInput(`The shrinkage intensity must lie in [0, 1], got ${intensity}.`);
  }
  return blend(Float64Array.from(covariance), scaledIdentity(assets, trace(covariance, assets) / assets), intensity, 1);
}

/** Σ = diag(σ)·C·diag(σ): a correlation matrix and volatilities back to a covariance. */
export function covarianceFromCorrelation(correlation: Float64Array, volatilities: ArrayLike<number>): Float64Array {
  const n = volatilities.length;
  if (correlation.length !== n * n) throw invalidInput(`${n} volatilities need a ${n}×${n} correlation matrix.`);
  return correlation.map((value, k) => value * (volatilities[Math.floor(k / n)]! * volatilities[k % n]!));
}

interface Intensity {
  shrinkage: number;
  prior: Float64Array;
}

function constantVarianceIntensity(x: Float64Array, s: Float64Array, n: number, t: number): Intensity {
  const mu = trace(s, n) / n;
  const prior = scaledIdentity(n, mu);
  // β̄ = (Σₜ ‖xₜ‖⁴/T − ‖S‖²_F)/(N T), δ̄ = ‖S − μI‖²_F/N; intensity min(β̄, δ̄)/δ̄.
  const betaBar = (dayNormFourth(x, n, t) / t - frobeniusSquared(s)) / (n * t);
  const delta = distanceSquared(s, prior) / n;
  return { shrinkage: delta === 0 ? 0 : Math.min(Math.max(betaBar, 0), delta) / delta, prior };
}

function singleFactorIntensity(x: Float64Array, s: Float64Array, n: number, t: number): Intensity {
  const market = new Float64Array(t);
  for (let i = 0; i < n; i++) for (let d = 0; d < t; d++) market[d] = market[d]! + x[i * t + d]! / n;
  let varMarket = 0;
  for (const m of market) varMarket += (m * m) / t;
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let d = 0; d < t; d++) sum += x[i * t + d]! * market[d]!;
    c[i] = sum / t;
  }
  const prior = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) prior[i * n + j] = i === j ? s[i * n + i]! : (c[i]! * c[j]!) / varMarket;
  }
  // w = Σⱼ cⱼ xⱼₜ; Sc; then the terms of covMarket.m as sums over days.
  const w = new Float64Array(t);
  for (let i = 0; i < n; i++) for (let d = 0; d < t; d++) w[d] = w[d]! + c[i]! * x[i * t + d]!;
  const sc = matVec(s, n, c);
  let cSc = 0;
  for (let i = 0; i < n; i++) cSc += c[i]! * sc[i]!;
  let sumV1c = 0;
  let diagV1c = 0;
  let diagV3cc = 0;
  let fourth = 0;
  let diagSquares = 0;
  for (let i = 0; i < n; i++) {
    let y2mw = 0;
    let x3m = 0;
    let x2m2 = 0;
    for (let d = 0; d < t; d++) {
      const v = x[i * t + d]!;
      const v2 = v * v;
      const m = market[d]!;
      y2mw += v2 * m * w[d]!;
      x3m += v2 * v * m;
      x2m2 += v2 * m * m;
      fourth += v2 * v2;
    }
    const sii = s[i * n + i]!;
    diagSquares += sii * sii;
    sumV1c += y2mw / t - c[i]! * sc[i]!;
    diagV1c += (x3m / t - c[i]! * sii) * c[i]!;
    diagV3cc += (x2m2 / t - varMarket * sii) * c[i]! * c[i]!;
  }
  let m2w2 = 0;
  for (let d = 0; d < t; d++) m2w2 += (market[d]! * w[d]!) ** 2;
  const sumV3cc = m2w2 / t - varMarket * cSc;
  const p = dayNormFourth(x, n, t) / t - frobeniusSquared(s);
  const rDiagonal = fourth / t - diagSquares;
  const rOff1 = (sumV1c - diagV1c) / varMarket;
  const rOff3 = (sumV3cc - diagV3cc) / (varMarket * varMarket);
  const r = rDiagonal + 2 * rOff1 - rOff3;
  return { shrinkage: intensity(p - r, distanceSquared(s, prior), t), prior };
}

function constantCorrelationIntensity(x: Float64Array, s: Float64Array, n: number, t: number): Intensity {
  if (n < 2) return { shrinkage: 0, prior: Float64Array.from(s) };
  const sd = new Float64Array(n);
  for (let i = 0; i < n; i++) sd[i] = Math.sqrt(s[i * n + i]!);
  let correlationSum = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (i !== j) correlationSum += s[i * n + j]! / (sd[i]! * sd[j]!);
  const rBar = correlationSum / (n * (n - 1));
  const prior = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) prior[i * n + j] = i === j ? s[i * n + i]! : rBar * (sd[i]! * sd[j]!);
  }
  // u = Σⱼ σⱼ xⱼₜ; Σ_{i≠j} (σⱼ/σᵢ)θᵢⱼ with θᵢⱼ = Σₜ xᵢₜ³xⱼₜ/T − SᵢᵢSᵢⱼ (covCor.m's four terms simplified).
  const u = new Float64Array(t);
  for (let i = 0; i < n; i++) for (let d = 0; d < t; d++) u[d] = u[d]! + sd[i]! * x[i * t + d]!;
  const ssd = matVec(s, n, sd);
  let piDiagonal = 0;
  let thetaSum = 0;
  for (let i = 0; i < n; i++) {
    let fourth = 0;
    let cubeCross = 0;
    for (let d = 0; d < t; d++) {
      const v = x[i * t + d]!;
      const v3 = v * v * v;
      fourth += v3 * v;
      cubeCross += v3 * (u[d]! - sd[i]! * v);
    }
    const sii = s[i * n + i]!;
    piDiagonal += fourth / t - sii * sii;
    thetaSum += (cubeCross / t - sii * (ssd[i]! - sd[i]! * sii)) / sd[i]!;
  }
  const pi = dayNormFourth(x, n, t) / t - frobeniusSquared(s);
  const rho = piDiagonal + rBar * thetaSum;
  return { shrinkage: intensity(pi - rho, distanceSquared(s, prior), t), prior };
}

/** δ = max(0, min(1, κ/T)), κ = (π − ρ)/γ; a sample already equal to its target needs no shrinkage. */
function intensity(numerator: number, gamma: number, t: number): number {
  if (!(gamma > 0)) return 0;
  return Math.max(0, Math.min(1, numerator / gamma / t));
}

/** Σₜ (Σᵢ xᵢₜ²)². */
function dayNormFourth(x: Float64Array, n: number, t: number): number {
  const squares = new Float64Array(t);
  for (let i = 0; i < n; i++) for (let d = 0; d < t; d++) squares[d] = squares[d]! + x[i * t + d]! ** 2;
  let sum = 0;
  for (const q of squares) sum += q * q;
  return sum;
}

function blend(s: Float64Array, prior: Float64Array, shrinkage: number, factor: number): Float64Array {
  for (let k = 0; k < s.length; k++) s[k] = factor * (shrinkage * prior[k]! + (1 - shrinkage) * s[k]!);
  return s;
}

function scaledIdentity(n: number, value: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = value;
  return out;
}

function trace(a: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i * n + i]!;
  return sum;
}

function frobeniusSquared(a: Float64Array): number {
  let sum = 0;
  for (const v of a) sum += v * v;
  return sum;
}

function distanceSquared(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += (a[k]! - b[k]!) ** 2;
  return sum;
}
