import { invalidInput } from "../errors.js";
import { type CovarianceRepair, type CovarianceRepairMode, factorCovariance } from "./covariance-repair.js";

/** A square matrix as nested rows or a row-major Float64Array of n×n elements. */
export type MatrixInput = Float64Array | readonly (readonly number[])[];

/** Annual GBM statistics of the assets, in ticker order: μ with either a covariance or (σ, correlation). */
export type PortfolioInput =
  | { annualReturns: ArrayLike<number>; covariance: MatrixInput }
  | { annualReturns: ArrayLike<number>; annualVolatilities: ArrayLike<number>; correlation: MatrixInput };

export interface PortfolioModelOptions {
  /** What to do with a singular or indefinite covariance (default "nearest-pd": repair and report). */
  covarianceRepair?: CovarianceRepairMode;
}

/** Validated statistics ready for the optimisers; build it once, solve many problems on it. */
export interface PortfolioModel {
  readonly size: number;
  readonly annualReturns: Float64Array;
  /** √Σᵢᵢ of the covariance used (after any repair). */
  readonly annualVolatilities: Float64Array;
  /** Row-major n×n covariance used by every calculation (after any repair). */
  readonly covariance: Float64Array;
  /** Lower Cholesky factor of `covariance`. */
  readonly covarianceFactor: Float64Array;
  readonly covarianceRepair: CovarianceRepair | undefined;
}

const SYMMETRY_TOLERANCE = 1e-10;

/** Validates the statistics, builds Σ = diag(σ)·C·diag(σ) when given a correlation, and factors Σ. */
export function portfolioModel(input: PortfolioInput, options: PortfolioModelOptions = {}): PortfolioModel {
  const annualReturns = finiteVector(input.annualReturns, "annualReturns");
  const n = annualReturns.length;
  if (n === 0) throw invalidInput("A portfolio needs at least one asset; pass one annual return per ticker.");
  const covariance =
    "covariance" in input ? matrix(input.covariance, n, "covariance") : covarianceFromCorrelation(input, n);
  checkSymmetric(covariance, n);
  const { covariance: used, lower, repair } = factorCovariance(covariance, n, options.covarianceRepair ?? "nearest-pd");
  const annualVolatilities = new Float64Array(n);
  for (let i = 0; i < n; i++) annualVolatilities[i] = Math.sqrt(used[i * n + i]!);
  return {
    size: n,
    annualReturns,
    annualVolatilities,
    covariance: used,
    covarianceFactor: lower,
    covarianceRepair: repair,
  };
}

function covarianceFromCorrelation(
  input: { annualVolatilities: ArrayLike<number>; correlation: MatrixInput },
  n: number,
): Float64Array {
  const volatilities = finiteVector(input.annualVolatilities, "annualVolatilities");
  if (volatilities.length !== n) {
    throw invalidInput(`Got ${n} annual returns but ${volatilities.length} volatilities; pass one of each per ticker.`);
  }
  if (volatilities.some((value) => value < 0)) {
    throw invalidInput("Annual volatilities must be ≥ 0.", { annualVolatilities: Array.from(volatilities) });
  }
  const correlation = matrix(input.correlation, n, "correlation");
  for (let i = 0; i < n; i++) {
    if (Math.abs(correlation[i * n + i]! - 1) > 1e-9) {
      throw invalidInput(
        `The correlation matrix must have a unit diagonal; entry (${i}, ${i}) is ${correlation[i * n + i]}.`,
      );
    }
    for (let j = 0; j < n; j++) {
      if (Math.abs(correlation[i * n + j]!) > 1 + 1e-12) {
        throw invalidInput(`Correlations must lie in [−1, 1]; entry (${i}, ${j}) is ${correlation[i * n + j]}.`);
      }
    }
  }
  const covariance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      covariance[i * n + j] = volatilities[i]! * volatilities[j]! * correlation[i * n + j]!;
    }
  }
  return covariance;
}

function finiteVector(values: ArrayLike<number>, name: string): Float64Array {
  const vector = Float64Array.from(values);
  const bad = vector.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0)
    throw invalidInput(`${name}[${bad}] is ${values[bad]}; pass finite numbers.`, { [name]: Array.from(values) });
  return vector;
}

function matrix(input: MatrixInput, n: number, name: string): Float64Array {
  let flat: Float64Array;
  if (input instanceof Float64Array) {
    flat = Float64Array.from(input);
  } else {
    if (input.length !== n || input.some((row) => row.length !== n)) {
      throw invalidInput(`${name} must be ${n}×${n}, one row and column per asset.`);
    }
    flat = Float64Array.from(input.flat());
  }
  if (flat.length !== n * n) throw invalidInput(`${name} must have ${n}×${n} = ${n * n} elements, got ${flat.length}.`);
  const bad = flat.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) throw invalidInput(`${name} entry (${Math.floor(bad / n)}, ${bad % n}) is not a finite number.`);
  return flat;
}

function checkSymmetric(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const scale = Math.max(Math.sqrt(Math.abs(a[i * n + i]! * a[j * n + j]!)), 1e-12);
      if (Math.abs(a[i * n + j]! - a[j * n + i]!) > SYMMETRY_TOLERANCE * scale) {
        throw invalidInput(`The matrix is not symmetric at (${i}, ${j}); pass a symmetric covariance or correlation.`);
      }
    }
  }
}
