import { ScrillaError } from "../errors.js";
import type { RiskProfile } from "../profile/risk-profile.js";

function assertFinite(value: number, name: string): void {
  if (!Number.isFinite(value)) throw new ScrillaError("INVALID_INPUT", `${name} must be a finite number, got ${value}`);
}

function assertVolatility(volatility: number, name: string): void {
  if (!(volatility > 0) || !Number.isFinite(volatility)) {
    throw new ScrillaError(
      "INVALID_INPUT",
      `${name} must be a positive finite number, got ${volatility}; a constant price series has no risk`,
    );
  }
}

/** Sharpe ratio (μ − r_f)/σ of a risk profile (§3.1); r_f is a decimal (0.0159 for 1.59 %). */
export function sharpeRatio(profile: RiskProfile, riskFreeRate: number): number {
  assertFinite(riskFreeRate, "risk-free rate");
  assertFinite(profile.annual_return, "annual_return");
  assertVolatility(profile.annual_volatility, "annual_volatility");
  return (profile.annual_return - riskFreeRate) / profile.annual_volatility;
}

/** CAPM beta from its ingredients (§3.2): β = ρ·σ_asset/σ_market. */
export function betaFromStatistics(correlation: number, assetVolatility: number, marketVolatility: number): number {
  assertFinite(correlation, "correlation");
  assertVolatility(assetVolatility, "asset volatility");
  assertVolatility(marketVolatility, "market volatility");
  return (correlation * assetVolatility) / marketVolatility;
}

/** Covariance of two assets' annual returns from their statistics (§3.5): σ_a·σ_b·ρ. */
export function returnCovariance(firstVolatility: number, secondVolatility: number, correlation: number): number {
  assertFinite(correlation, "correlation");
  assertFinite(firstVolatility, "first volatility");
  assertFinite(secondVolatility, "second volatility");
  return firstVolatility * secondVolatility * correlation;
}

/** Market risk premium μ_market − r_f (§3.3). */
export function marketPremium(marketProfile: RiskProfile, riskFreeRate: number): number {
  assertFinite(riskFreeRate, "risk-free rate");
  assertFinite(marketProfile.annual_return, "market annual_return");
  return marketProfile.annual_return - riskFreeRate;
}

/** CAPM cost of equity r_f + β·(μ_market − r_f) (§3.3). */
export function costOfEquity(beta: number, marketProfile: RiskProfile, riskFreeRate: number): number {
  assertFinite(beta, "beta");
  return riskFreeRate + beta * marketPremium(marketProfile, riskFreeRate);
}
