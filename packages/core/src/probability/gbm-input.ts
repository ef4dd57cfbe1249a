import { ScrillaError } from "../errors.js";

/** A geometric Brownian motion for one asset (annualised figures, horizon in years). */
export interface GbmInput {
  /** Current price S0. */
  spot: number;
  /** Annual drift μ (scrilla's `annual_return`). */
  annualReturn: number;
  /** Annual volatility σ (scrilla's `annual_volatility`). */
  annualVolatility: number;
  /** Horizon T in years. */
  expiry: number;
  /** Continuous dividend yield q; 0 when absent. */
  dividendYield?: number | undefined;
}

const fail = (message: string, details: Record<string, unknown>): ScrillaError =>
  new ScrillaError("INVALID_INPUT", message, details);

/** Throws INVALID_INPUT for a GBM that cannot be evaluated; returns q (default 0). */
export function checkGbmInput(input: GbmInput): number {
  const { spot, annualReturn, annualVolatility, expiry, dividendYield = 0 } = input;
  if (!(spot > 0) || !Number.isFinite(spot))
    throw fail(`The spot price must be a positive number, got ${spot}.`, { spot });
  if (!Number.isFinite(annualReturn))
    throw fail(`The annual return must be a finite number, got ${annualReturn}.`, { annualReturn });
  if (!(annualVolatility >= 0) || !Number.isFinite(annualVolatility)) {
    throw fail(`The annual volatility must be ≥ 0, got ${annualVolatility}.`, { annualVolatility });
  }
  if (!(expiry > 0) || !Number.isFinite(expiry)) {
    throw fail(`The expiry must be a positive number of years, got ${expiry}; e.g. 0.5 for six months.`, { expiry });
  }
  if (!Number.isFinite(dividendYield))
    throw fail(`The dividend yield must be finite, got ${dividendYield}.`, { dividendYield });
  return dividendYield;
}

/** Throws INVALID_INPUT unless 0 < p < 1. */
export function checkProbability(probability: number): void {
  if (!(probability > 0 && probability < 1)) {
    throw fail(`The probability must lie strictly between 0 and 1, got ${probability}; e.g. 0.05 for 5 %.`, {
      probability,
    });
  }
}

/** Throws INVALID_INPUT unless the price level is positive and finite. */
export function checkPriceLevel(level: number, name: string): void {
  if (!(level > 0) || !Number.isFinite(level)) {
    throw fail(`The ${name} must be a positive price, got ${level}.`, { [name]: level });
  }
}

/** The forward price S0·e^{(μ−q)T}, the mean of S_T. */
export function forwardPrice(input: GbmInput): number {
  const q = checkGbmInput(input);
  return input.spot * Math.exp((input.annualReturn - q) * input.expiry);
}
