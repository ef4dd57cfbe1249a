/** Spec Appendix A values for ALLY over 2021-07-14 .. 2021-11-19 (moments), last trading date 2021-11-19. */
export const WINDOW = { start: "2021-07-14", end: "2021-11-19" } as const;
export const TODAY = "2021-11-19";

const ALLY_MOMENTS = { annual_return: -0.1286093252626298, annual_volatility: 0.31738145569380244 }; // A.1
const SPY_MOMENTS_RETURN = 0.2057412547879529; // A.1, the market proxy
const RISK_FREE = 0.0159; // A.3, TEN_YEAR on 2021-11-18
// A.3's β used the FAITHFUL moments correlation, Pearson·(n−1)/n (D-01); the RECOMMENDED β scrilla computes
// is Pearson·σ_a/σ_m, i.e. the golden β · n/(n−1) with n = 91 returns.
const ALLY_BETA = (1.2295842121977378 * 91) / 90;

/** The risk profile the spec implies, derived here from its formulas (§3.1, §3.3), not copied from an output. */
export const ALLY_RISK_PROFILE = {
  ...ALLY_MOMENTS,
  sharpe_ratio: (ALLY_MOMENTS.annual_return - RISK_FREE) / ALLY_MOMENTS.annual_volatility,
  asset_beta: ALLY_BETA,
  equity_cost: RISK_FREE + ALLY_BETA * (SPY_MOMENTS_RETURN - RISK_FREE),
};

/** Relative 1e-9 for the closed forms (DESIGN §3), with an absolute floor for values near zero. */
export function expectClose(actual: unknown, expected: number, what: string): void {
  if (typeof actual !== "number") throw new Error(`${what}: expected a number, got ${JSON.stringify(actual)}`);
  const tolerance = Math.max(1e-9 * Math.abs(expected), 1e-12);
  if (Math.abs(actual - expected) > tolerance) {
    throw new Error(`${what}: ${actual} differs from ${expected} by more than ${tolerance}`);
  }
}
