import { ScrillaError } from "../errors.js";
import { empiricalCopula } from "../estimators/empirical-copula.js";
import { samplePercentiles } from "../estimators/sample-percentile.js";
import { standardize } from "../estimators/standardize.js";
import { bivariateNormalCdf } from "./bivariate-normal-cdf.js";

const MATCHED_PERCENTILES = [0.1, 0.16, 0.5, 0.84, 0.9] as const;
const RHO_BOUND = 0.99999;
const GRID_STEPS = 400;

/**
 * Percentile-matching correlation (§2.14.3, the intended algorithm, D-04): standardise both samples,
 * take their percentiles at 10/16/50/84/90 %, and choose ρ ∈ [−0.99999, 0.99999] minimising
 * Σ (Φ₂(x_k, y_k; ρ) − C_n(x_k, y_k))² with C_n the empirical copula of the standardised pairs.
 * A grid scan finds the basin, golden-section search polishes it (the objective is smooth in ρ).
 */
export function percentileCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const sx = standardize(x);
  const sy = standardize(y);
  const qx = samplePercentiles(sx, MATCHED_PERCENTILES);
  const qy = samplePercentiles(sy, MATCHED_PERCENTILES);
  const targets = qx.map((xk, i) => empiricalCopula(sx, sy, xk, qy[i]!));
  const objective = (rho: number) => {
    let sum = 0;
    for (let i = 0; i < targets.length; i++) sum += (bivariateNormalCdf(qx[i]!, qy[i]!, rho) - targets[i]!) ** 2;
    return sum;
  };
  const step = (2 * RHO_BOUND) / GRID_STEPS;
  let best = -RHO_BOUND;
  let bestValue = objective(best);
  for (let i = 1; i <= GRID_STEPS; i++) {
    const rho = -RHO_BOUND + i * step;
    const value = objective(rho);
    if (value < bestValue) {
      best = rho;
      bestValue = value;
    }
  }
  const rho = goldenSection(objective, Math.max(-RHO_BOUND, best - step), Math.min(RHO_BOUND, best + step));
  if (!Number.isFinite(rho)) {
    throw new ScrillaError("NOT_CONVERGED", "percentile correlation did not converge; use the moments method");
  }
  return objective(rho) <= bestValue ? rho : best;
}

function goldenSection(f: (x: number) => number, lower: number, upper: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = lower;
  let b = upper;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > 1e-12) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}
