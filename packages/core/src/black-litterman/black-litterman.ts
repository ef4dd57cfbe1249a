import { invalidInput } from "../errors.js";
import { cholesky, choleskySolve } from "../linalg/cholesky.js";

/**
 * A view: Σ pᵢ·μᵢ = value, e.g. an absolute view (p = eₐ) or a relative one (p = eₐ − e_b), with
 * Idzorek's confidence in [0, 1] (1 = certain; default 0.5).
 */
export interface BlackLittermanView {
  weights: ArrayLike<number>;
  value: number;
  confidence?: number;
}

export interface BlackLittermanInput {
  /** Row-major n×n covariance Σ of annual returns. */
  covariance: Float64Array;
  /** Market capitalisations (any currency unit), giving the market weights w_mkt. */
  marketCaps: ArrayLike<number>;
  /** δ in π = δ·Σ·w_mkt + rf (default 1, as PyPortfolioOpt; He & Litterman use 2.5). */
  riskAversion?: number;
  /** Annual risk-free rate added to the implied returns (default 0). */
  riskFreeRate?: number;
  /** τ, the uncertainty of the prior relative to Σ (default 0.05). */
  tau?: number;
  views?: readonly BlackLittermanView[];
}

export interface BlackLittermanResult {
  marketWeights: Float64Array;
  /** Market-implied equilibrium returns π. */
  priorReturns: Float64Array;
  posteriorReturns: Float64Array;
  /** Σ_BL = Σ + M with M the posterior uncertainty of the mean (He & Litterman 1999). */
  posteriorCovariance: Float64Array;
  /** The view variances ω used (Idzorek's, from the confidences). */
  viewVariances: Float64Array;
}

/**
 * Black–Litterman (Black & Litterman 1992; He & Litterman 1999) with view uncertainties from confidences by
 * Idzorek's method in Walters' closed form, ωₖ = τ·(1/cₖ − 1)·pₖᵀΣpₖ (Idzorek 2005; Walters 2014):
 *   π = δΣw_mkt + rf,  μ_BL = π + τΣPᵀ(τPΣPᵀ + Ω)⁻¹(Q − Pπ),
 *   Σ_BL = Σ + τΣ − τΣPᵀ(τPΣPᵀ + Ω)⁻¹PτΣ.
 * A 100 %-confident view holds exactly in μ_BL; a 0 %-confident view is dropped; no views give μ_BL = π.
 */
export function blackLitterman(input: BlackLittermanInput): BlackLittermanResult {
  const n = input.marketCaps.length;
  const sigma = input.covariance;
  if (sigma.length !== n * n) throw invalidInput(`The covariance must be ${n}×${n}, one row per market cap.`);
  const delta = positive(input.riskAversion ?? 1, "riskAversion");
  const tau = positive(input.tau ?? 0.05, "tau");
  const rf = input.riskFreeRate ?? 0;
  if (!Number.isFinite(rf)) throw invalidInput(`riskFreeRate must be a finite decimal, got ${rf}.`);
  const caps = Float64Array.from(input.marketCaps);
  if (caps.some((c) => !(c >= 0) || !Number.isFinite(c)) || !(total(caps) > 0)) {
    throw invalidInput("Market caps must be finite, ≥ 0 and not all zero.");
  }
  const marketWeights = caps.map((c) => c / total(caps));
  const priorReturns = multiply(sigma, n, marketWeights).map((v) => delta * v + rf);
  const views = (input.views ?? []).filter((view) => checkedConfidence(view) > 0);
  const k = views.length;
  const tauSigma = sigma.map((v) => v * tau);
  const posteriorReturns = Float64Array.from(priorReturns);
  const posteriorCovariance = sigma.map((v, index) => v + tauSigma[index]!);
  const viewVariances = new Float64Array(k);
  if (k === 0) return { marketWeights, priorReturns, posteriorReturns, posteriorCovariance, viewVariances };
  const p = views.map((view, index) => {
    const row = Float64Array.from(view.weights);
    if (row.length !== n || row.some((v) => !Number.isFinite(v))) {
      throw invalidInput(`View ${index} needs ${n} finite weights, one per asset.`);
    }
    if (!Number.isFinite(view.value)) throw invalidInput(`View ${index} needs a finite value.`);
    return row;
  });
  // S = τΣPᵀ (n×k), A = PτΣPᵀ + Ω (k×k).
  const s = p.map((row) => multiply(tauSigma, n, row));
  const a = new Float64Array(k * k);
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) a[r * k + c] = dot(p[r]!, s[c]!);
    const confidence = checkedConfidence(views[r]!);
    viewVariances[r] = (1 / confidence - 1) * a[r * k + r]!;
    a[r * k + r] = a[r * k + r]! + viewVariances[r]!;
  }
  const factor = cholesky(a, k);
  if (!factor.ok) {
    throw invalidInput("The views are linearly dependent (one repeats a combination of others); merge or drop one.");
  }
  const surprise = p.map((row, r) => views[r]!.value - dot(row, priorReturns));
  const coefficients = choleskySolve(factor.lower, k, surprise);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < n; i++) posteriorReturns[i] = posteriorReturns[i]! + s[c]![i]! * coefficients[c]!;
  }
  // Σ_BL −= S·A⁻¹·Sᵀ, column by column of A⁻¹Sᵀ.
  for (let i = 0; i < n; i++) {
    const solved = choleskySolve(
      factor.lower,
      k,
      s.map((column) => column[i]!),
    );
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let c = 0; c < k; c++) sum += s[c]![j]! * solved[c]!;
      posteriorCovariance[i * n + j] = posteriorCovariance[i * n + j]! - sum;
    }
  }
  return { marketWeights, priorReturns, posteriorReturns, posteriorCovariance, viewVariances };
}

function checkedConfidence(view: BlackLittermanView): number {
  const confidence = view.confidence ?? 0.5;
  if (!(confidence >= 0 && confidence <= 1)) {
    throw invalidInput(`View confidences lie in [0, 1] (1 = certain), got ${view.confidence}.`);
  }
  return confidence;
}

function positive(value: number, name: string): number {
  if (!(value > 0) || !Number.isFinite(value)) throw invalidInput(`${name} must be a positive number, got ${value}.`);
  return value;
}

function multiply(matrix: Float64Array, n: number, vector: Float64Array): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += matrix[i * n + j]! * vector[j]!;
    out[i] = sum;
  }
  return out;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function total(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum;
}
