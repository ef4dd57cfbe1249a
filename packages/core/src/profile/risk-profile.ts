import { ScrillaError } from "../errors.js";
import { centredSumOfSquares, meanOf } from "../estimators/moments.js";
import { percentilesBySelection } from "../estimators/percentiles-by-selection.js";
import { logReturns } from "../returns/log-returns.js";
import { samplingPeriod } from "../returns/sampling-period.js";
import type { AssetType } from "../types.js";
import { type EstimationMethod, parseEstimationMethod, unknownEstimationMethod } from "./estimation-method.js";

/** GBM parameters per year: `annual_return` is the drift μ (log drift + σ²/2), `annual_volatility` is σ. */
export interface RiskProfile {
  annual_return: number;
  annual_volatility: number;
}

export interface ProfileOptions {
  method?: EstimationMethod;
  assetType?: AssetType;
  /** The sample holds every calendar day (crypto only); default true for crypto, false for equities. */
  weekends?: boolean;
}

/** z_0.75 = Φ⁻¹(0.75). */
const Z_075 = 0.6744897501960817;

/** Prices needed by every method: two returns, so the n − 1 variance exists (D-12). */
export const MINIMUM_PROFILE_PRICES = 3;

/**
 * Risk-return profile of one asset from its prices (oldest first) by the §2.13 closed forms.
 * All methods use the same returns (adjacent observations, Δ = 1) and the same `dt` (D-09).
 */
export function riskProfile(prices: ArrayLike<number>, options: ProfileOptions = {}): RiskProfile {
  const method = parseEstimationMethod(options.method ?? "moments");
  const dt = samplingPeriod(options.assetType, options.weekends);
  return profileFromLogReturns(logReturns(prices, MINIMUM_PROFILE_PRICES), dt, method);
}

/**
 * The same estimators on daily log returns already computed (≥ 2 of them, all finite).
 * - moments: σ = sd₍ₙ₋₁₎(r)/√dt, μ = mean(r)/dt + σ²/2
 * - percentiles: on a = r/dt, m = (q₁+q₃)/2, s = (q₃−q₁)/(2 z₀.₇₅); σ = s√dt, μ = m + σ²/2
 * - likelihood: normal MLE on a (divisor n); σ = s√dt, μ = mean(a) + σ²/2
 */
export function profileFromLogReturns(returns: Float64Array, dt: number, method: EstimationMethod): RiskProfile {
  if (returns.length < 2) {
    throw new ScrillaError(
      "SAMPLE_TOO_SMALL",
      `a risk profile needs at least ${MINIMUM_PROFILE_PRICES} prices (2 returns), got ${returns.length + 1}`,
    );
  }
  switch (method) {
    case "moments":
      return fromMeanAndVariance(returns, dt, returns.length - 1);
    case "likelihood":
      return fromMeanAndVariance(returns, dt, returns.length);
    case "percentiles":
      return byPercentiles(returns, dt);
    default:
      throw unknownEstimationMethod(method);
  }
}

function fromMeanAndVariance(returns: Float64Array, dt: number, divisor: number): RiskProfile {
  const mean = meanOf(returns);
  const variance = centredSumOfSquares(returns, mean) / divisor / dt;
  return { annual_return: mean / dt + variance / 2, annual_volatility: Math.sqrt(variance) };
}

function byPercentiles(returns: Float64Array, dt: number): RiskProfile {
  const [lower, upper] = percentilesBySelection(returns, [0.25, 0.75]);
  const q1 = lower! / dt;
  const q3 = upper! / dt;
  if (!(q3 > q1)) {
    throw new ScrillaError(
      "INVALID_INPUT",
      "percentile matching is degenerate: the first and third quartiles of the returns are equal; use the moments method or a longer sample",
    );
  }
  const volatility = ((q3 - q1) / (2 * Z_075)) * Math.sqrt(dt);
  return { annual_return: (q1 + q3) / 2 + (volatility * volatility) / 2, annual_volatility: volatility };
}
