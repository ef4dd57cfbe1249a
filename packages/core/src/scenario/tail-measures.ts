import { invalidInput } from "../errors.js";
import {
  portfolioScenarioReturns,
  type ScenarioInput,
  type ScenarioMatrix,
  scenarioMatrix,
} from "./scenario-matrix.js";

/** Throws unless 0 < confidence < 1. */
export function checkConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw invalidInput(`confidence must lie strictly between 0 and 1 (e.g. 0.95), got ${confidence}.`);
  }
  return confidence;
}

/**
 * min over α of α + 1/((1−β)T)·Σ(xₜ − α)⁺ — the Rockafellar–Uryasev tail mean of the values x (losses or
 * drawdowns), exact: the function is convex piecewise linear and its minimum is at the ⌈βT⌉-th smallest x.
 */
export function tailMean(values: Float64Array, confidence: number): number {
  const sorted = Float64Array.from(values).sort();
  const T = sorted.length;
  const k = Math.min(Math.max(Math.ceil(confidence * T - 1e-9), 1), T);
  const alpha = sorted[k - 1]!;
  let excess = 0;
  for (const value of sorted) if (value > alpha) excess += value - alpha;
  return alpha + excess / ((1 - confidence) * T);
}

/** Historical CVaR of a portfolio: the mean loss in the worst (1 − β) share of the scenarios (per period). */
export function historicalConditionalValueAtRisk(
  scenarios: ScenarioInput | ScenarioMatrix,
  weights: ArrayLike<number>,
  confidence: number,
): number {
  return tailMean(
    portfolioScenarioReturns(matrixOf(scenarios), weights).map((r) => -r),
    checkConfidence(confidence),
  );
}

/** Drawdowns of the uncompounded cumulative portfolio return: dₜ = max(0, max_{s≤t} cₛ) − cₜ. */
export function drawdowns(scenarios: ScenarioInput | ScenarioMatrix, weights: ArrayLike<number>): Float64Array {
  const returns = portfolioScenarioReturns(matrixOf(scenarios), weights);
  const out = new Float64Array(returns.length);
  let cumulative = 0;
  let peak = 0;
  returns.forEach((r, t) => {
    cumulative += r;
    peak = Math.max(peak, cumulative);
    out[t] = peak - cumulative;
  });
  return out;
}

/** Conditional drawdown at risk: the mean of the worst (1 − β) share of drawdowns (Chekhlov et al. 2005). */
export function conditionalDrawdownAtRisk(
  scenarios: ScenarioInput | ScenarioMatrix,
  weights: ArrayLike<number>,
  confidence: number,
): number {
  return tailMean(drawdowns(scenarios, weights), checkConfidence(confidence));
}

/** Semivariance below a per-period benchmark B: (1/T)·Σ min(rₜᵀw − B, 0)². */
export function semivariance(
  scenarios: ScenarioInput | ScenarioMatrix,
  weights: ArrayLike<number>,
  benchmark = 0,
): number {
  const returns = portfolioScenarioReturns(matrixOf(scenarios), weights);
  let sum = 0;
  for (const r of returns) sum += Math.min(r - benchmark, 0) ** 2;
  return sum / returns.length;
}

function matrixOf(input: ScenarioInput | ScenarioMatrix): ScenarioMatrix {
  return "periods" in input ? input : scenarioMatrix(input);
}
