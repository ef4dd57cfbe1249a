import { correlationFromCovariance } from "../covariance/correlation-from-covariance.js";
import { ScrillaError } from "../errors.js";
import { pairwiseSampleCovariance } from "../risk-models/pairwise-covariance.js";
import type { CovarianceResult } from "../risk-models/risk-model-result.js";
import {
  EWMA_CENTRINGS,
  type EwmaCentring,
  ewmaCovarianceMatrix,
  sampleCovarianceMatrix,
  semicovarianceMatrix,
} from "../risk-models/sample-covariances.js";
import { ledoitWolfCovariance, oracleApproximatingShrinkage, shrunkCovariance } from "../risk-models/shrinkage.js";
import { choiceOption, numberOption, optionsObject, periodsPerYearOption } from "./estimator-options.js";
import { decayOptions, invalidOption } from "./expected-returns.js";
import { MISSING_DATA_POLICIES, type MissingDataPolicy, type PriceInput, pricePanel } from "./price-panel.js";
import { RETURN_KINDS, type ReturnKind, type ReturnsTable, returnsOfPanel } from "./returns-table.js";

export const RISK_MODELS = [
  "sample",
  "semicov",
  "ewma",
  "ledoit-wolf",
  "ledoit-wolf-single-factor",
  "ledoit-wolf-constant-correlation",
  "oas",
  "shrunk",
] as const;
export type RiskModelMethod = (typeof RISK_MODELS)[number];

export interface RiskModelOptions {
  /**
   * - `sample` (default): sample covariance (n − 1);
   * - `semicov`: downside semicovariance below `benchmark` (per-period return, default 0);
   * - `ewma`: exponentially weighted (span 60 unless `span`, `halfLife` or `decay`; `centring`);
   * - `ledoit-wolf` (constant variance), `ledoit-wolf-single-factor`, `ledoit-wolf-constant-correlation`:
   *   Ledoit–Wolf shrinkage with the optimal intensity;
   * - `oas`: Oracle Approximating Shrinkage;
   * - `shrunk`: sample covariance shrunk toward (tr Σ/N)·I with the given `intensity` (default 0.1).
   */
  method?: RiskModelMethod;
  returns?: ReturnKind;
  periodsPerYear?: number;
  annualise?: boolean;
  /** Default "reject"; "pairwise" is accepted by `sample` only (the result is then clipped to PSD). */
  missing?: MissingDataPolicy;
  benchmark?: number;
  span?: number;
  halfLife?: number;
  decay?: number;
  centring?: EwmaCentring;
  intensity?: number;
}

/** A covariance matrix by ticker; `JSON.stringify` of it reads as a table. */
export interface RiskModelResult {
  tickers: string[];
  /** covariance[i][j] between tickers[i] and tickers[j]. */
  covariance: number[][];
  method: RiskModelMethod;
  returns: ReturnKind;
  annualised: boolean;
  periodsPerYear: number;
  /** The shrinkage estimators' intensity δ ∈ [0, 1]. */
  shrinkage?: number;
  /** `missing: "pairwise"`: true when the pairwise matrix had to be clipped to PSD. */
  repaired?: boolean;
}

/** The covariance of the tickers' returns by the chosen estimator. */
export function riskModel(prices: PriceInput, options?: RiskModelOptions): RiskModelResult {
  const o = optionsObject(options, "riskModel");
  const method = choiceOption(o.method, "method", RISK_MODELS, "sample");
  const returnsKind = choiceOption(o.returns, "returns", RETURN_KINDS, "simple");
  const periodsPerYear = periodsPerYearOption(o.periodsPerYear);
  const annualised = o.annualise ?? true;
  if (typeof annualised !== "boolean") throw invalidOption("annualise", annualised, "pass true or false");
  const missing = choiceOption(o.missing, "missing", MISSING_DATA_POLICIES, "reject");
  if (missing === "pairwise" && method !== "sample") {
    throw invalidOption("missing", missing, `the ${method} risk model needs complete data; use "complete-cases"`);
  }
  const table = returnsOfPanel(pricePanel(prices, missing), returnsKind);
  const estimate = estimateCovariance(table, method, o, annualised ? periodsPerYear : 1);
  const n = table.assets;
  const result: RiskModelResult = {
    tickers: table.tickers,
    covariance: rows(estimate.covariance, n),
    method,
    returns: returnsKind,
    annualised,
    periodsPerYear,
  };
  if (estimate.shrinkage !== undefined) result.shrinkage = estimate.shrinkage;
  if (estimate.repaired !== undefined) result.repaired = estimate.repaired;
  return result;
}

function estimateCovariance(
  table: ReturnsTable,
  method: RiskModelMethod,
  o: Partial<RiskModelOptions>,
  periodsPerYear: number,
): CovarianceResult {
  const scale = { periodsPerYear };
  switch (method) {
    case "sample":
      return table.complete ? sampleCovarianceMatrix(table, scale) : pairwiseSampleCovariance(table, scale);
    case "semicov":
      return semicovarianceMatrix(table, { ...scale, benchmark: numberOption(o.benchmark, "benchmark", 0) });
    case "ewma":
      return ewmaCovarianceMatrix(table, {
        ...scale,
        ...decayOptions(o),
        ...(o.decay !== undefined ? { decay: o.decay } : {}),
        centring: choiceOption(o.centring, "centring", EWMA_CENTRINGS, "weighted-mean"),
      });
    case "ledoit-wolf":
      return ledoitWolfCovariance(table, { ...scale, target: "constant-variance" });
    case "ledoit-wolf-single-factor":
      return ledoitWolfCovariance(table, { ...scale, target: "single-factor" });
    case "ledoit-wolf-constant-correlation":
      return ledoitWolfCovariance(table, { ...scale, target: "constant-correlation" });
    case "oas":
      return oracleApproximatingShrinkage(table, scale);
    case "shrunk": {
      const intensity = numberOption(o.intensity, "intensity", 0.1, (x) => x >= 0 && x <= 1, "pass a number in [0, 1]");
      const sample = sampleCovarianceMatrix(table, scale);
      return {
        ...sample,
        covariance: shrunkCovariance(sample.covariance, table.assets, intensity),
        shrinkage: intensity,
      };
    }
    default:
      throw new ScrillaError(
        "UNKNOWN_METHOD",
        `unknown risk model "${String(method)}"; use one of ${RISK_MODELS.join(", ")}`,
      );
  }
}

/** The correlation matrix of a risk model, by ticker (D^{-1/2}ΣD^{-1/2}). */
export function correlationByTicker(model: RiskModelResult): { tickers: string[]; correlation: number[][] } {
  const n = model.tickers.length;
  const correlation = correlationFromCovariance(Float64Array.from(model.covariance.flat()), n);
  return { tickers: [...model.tickers], correlation: rows(correlation, n) };
}

export function rows(flat: ArrayLike<number>, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => flat[i * n + j]!));
}
