import { invalidInput } from "../errors.js";

/** Per-period returns of each asset in each scenario (e.g. T daily returns), row-major T×n. */
export interface ScenarioMatrix {
  periods: number;
  assets: number;
  /** returns[t·n + i]: return of asset i in period t (oldest first for drawdowns). */
  returns: Float64Array;
}

export type ScenarioInput = readonly (readonly number[])[] | { returns: ArrayLike<number>; assets: number };

/** Validates scenarios given as T rows of n returns (or a flat row-major array with its width). */
export function scenarioMatrix(input: ScenarioInput): ScenarioMatrix {
  let returns: Float64Array;
  let assets: number;
  if ("assets" in input) {
    assets = input.assets;
    returns = Float64Array.from(input.returns);
  } else {
    assets = input[0]?.length ?? 0;
    if (input.some((row) => row.length !== assets)) {
      throw invalidInput("Every scenario needs one return per asset; the rows have different lengths.");
    }
    returns = Float64Array.from(input.flat());
  }
  if (!(assets > 0) || returns.length % assets !== 0) {
    throw invalidInput("Scenarios must be a T×n table of returns with at least one asset.");
  }
  const periods = returns.length / assets;
  if (periods < 2) throw invalidInput("Scenario risk needs at least 2 scenarios (periods) of returns.");
  const bad = returns.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw invalidInput(`Scenario ${Math.floor(bad / assets)} asset ${bad % assets} is not a finite return.`);
  }
  return { periods, assets, returns };
}

/** Mean return of each asset over the scenarios. */
export function scenarioMeans(scenarios: ScenarioMatrix): Float64Array {
  const { periods: T, assets: n, returns } = scenarios;
  const means = new Float64Array(n);
  for (let t = 0; t < T; t++) for (let i = 0; i < n; i++) means[i] = means[i]! + returns[t * n + i]! / T;
  return means;
}

/** The portfolio's return in every scenario. */
export function portfolioScenarioReturns(scenarios: ScenarioMatrix, weights: ArrayLike<number>): Float64Array {
  const { periods: T, assets: n, returns } = scenarios;
  const out = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += returns[t * n + i]! * weights[i]!;
    out[t] = sum;
  }
  return out;
}
