import { invalidInput } from "../errors.js";
import { shown } from "../labelled/estimator-options.js";

/** How fast exponential weights fade: give exactly one of span, half-life (in periods) or decay λ. */
export interface EwmaDecayOptions {
  /** Centre of mass style span s ≥ 1: α = 2/(s + 1), λ = 1 − α (pandas `ewm(span=…)`). */
  span?: number;
  /** Periods after which a weight halves: λ = 2^(−1/h). */
  halfLife?: number;
  /** Weight ratio of consecutive periods, 0 < λ < 1 (RiskMetrics daily: 0.94). */
  decay?: number;
}

/** λ from span, half-life or decay (span = 2/(1 − λ) − 1 ↔ λ = (s − 1)/(s + 1)). */
export function ewmaDecay(options: EwmaDecayOptions, fallback: EwmaDecayOptions): number {
  const given = (["span", "halfLife", "decay"] as const).filter((key) => options[key] !== undefined);
  if (given.length > 1) throw invalidInput(`Give one of span, halfLife or decay, not ${given.join(" and ")}.`);
  const chosen = given.length === 1 ? options : fallback;
  const check = (value: unknown, name: string, ok: (x: number) => boolean, hint: string): number => {
    if (typeof value !== "number" || !Number.isFinite(value) || !ok(value)) {
      throw invalidInput(`Option ${name} is ${shown(value)}; ${hint}.`, { option: name });
    }
    return value;
  };
  if (chosen.span !== undefined) {
    const span = check(chosen.span, "span", (x) => x >= 1, "pass a span of at least 1 period");
    return (span - 1) / (span + 1);
  }
  if (chosen.halfLife !== undefined) {
    const halfLife = check(chosen.halfLife, "halfLife", (x) => x > 0, "pass a positive half-life in periods");
    return 2 ** (-1 / halfLife);
  }
  return check(chosen.decay, "decay", (x) => x > 0 && x < 1, "pass a decay strictly between 0 and 1, e.g. 0.94");
}

/** Weights λ^(T−1−t) normalised to sum 1: the latest period weighs most (pandas `adjust=True`). */
export function ewmaWeights(days: number, decay: number): Float64Array {
  const weights = new Float64Array(days);
  let total = 0;
  for (let t = days - 1, w = 1; t >= 0; t--, w *= decay) {
    weights[t] = w;
    total += w;
  }
  for (let t = 0; t < days; t++) weights[t] = weights[t]! / total;
  return weights;
}
