import type { ReturnsPanel } from "../covariance/returns-panel.js";
import { invalidInput } from "../errors.js";
import { DEFAULT_PERIODS_PER_YEAR } from "../labelled/estimator-options.js";
import type { AnnualisationOptions } from "./mean-returns.js";

export interface CapmReturnsOptions extends AnnualisationOptions {
  /** Per-period market returns on the panel's days; default the equal-weighted market of the panel's assets. */
  market?: ArrayLike<number>;
  /** Annual risk-free rate (decimal), default 0. */
  riskFreeRate?: number;
}

export interface CapmReturns {
  /** rf + βᵢ (E[Rm] − rf), annual. */
  expectedReturns: Float64Array;
  /** βᵢ = cov(rᵢ, rm) / var(rm) (sample, n − 1). */
  betas: Float64Array;
  /** ppy · mean(rm). */
  marketReturn: number;
}

/** CAPM-implied expected returns (Sharpe 1964): rf + βᵢ (ppy · mean(rm) − rf). */
export function capmReturns(panel: ReturnsPanel, options: CapmReturnsOptions = {}): CapmReturns {
  const ppy = options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const rf = options.riskFreeRate ?? 0;
  const { assets, days, values } = panel;
  const market = new Float64Array(days);
  if (options.market) {
    if (options.market.length !== days) {
      throw invalidInput(`The market has ${options.market.length} returns for a panel of ${days} days; align them.`);
    }
    for (let t = 0; t < days; t++) market[t] = options.market[t]!;
  } else {
    for (let i = 0; i < assets; i++)
      for (let t = 0; t < days; t++) market[t] = market[t]! + values[i * days + t]! / assets;
  }
  let marketMean = 0;
  for (const r of market) marketMean += r / days;
  let marketVariance = 0;
  for (const r of market) marketVariance += (r - marketMean) ** 2;
  if (!(marketVariance > 0)) throw invalidInput("The market returns have no variance, so betas are undefined.");
  const betas = new Float64Array(assets);
  for (let i = 0; i < assets; i++) {
    let mean = 0;
    for (let t = 0; t < days; t++) mean += values[i * days + t]! / days;
    let covariance = 0;
    for (let t = 0; t < days; t++) covariance += (values[i * days + t]! - mean) * (market[t]! - marketMean);
    betas[i] = covariance / marketVariance;
  }
  const marketReturn = ppy * marketMean;
  return { expectedReturns: betas.map((beta) => rf + beta * (marketReturn - rf)), betas, marketReturn };
}
