import type { DataNeed } from "./data-access.js";

/** One Lambda per command the handler exposes; sizes and data needs are per function. */
export interface FunctionSpec {
  /** The command word, passed to the handler as `SCRILLA_FUNCTION`. */
  readonly command: string;
  readonly memoryMb: number;
  /**
   * Every function may wait out AlphaVantage's throttle (bounded 30 s sleeps per request), so even the
   * simple ones get well over a minute.
   */
  readonly timeoutSeconds: number;
  /** What the command's code path reads and writes: the function's role grants exactly this (see data-access.ts). */
  readonly needs: readonly DataNeed[];
}

type Size = Pick<FunctionSpec, "memoryMb" | "timeoutSeconds">;
const LIGHT: Size = { memoryMb: 512, timeoutSeconds: 120 };
/** The optimisers: covariance models, QP/LP solves (HiGHS for CVaR) and frontiers of many solves. */
const HEAVY: Size = { memoryMb: 1024, timeoutSeconds: 300 };

const fn = (command: string, size: Size, needs: readonly DataNeed[]): FunctionSpec => ({ command, ...size, needs });

/** μ, σ and β come from cached profile rows; the Sharpe ratio and the cost of equity need the risk-free rate. */
const FULL_PROFILE: readonly DataNeed[] = ["prices", "profiles", "treasury"];
/** The optimisers' setup reads cached return profiles. */
const PORTFOLIO: readonly DataNeed[] = ["prices", "profiles"];

export const SCRILLA_FUNCTIONS: readonly FunctionSpec[] = [
  fn("risk-profile", LIGHT, FULL_PROFILE),
  fn("correlation", LIGHT, ["prices"]),
  // --sharpe maximises the Sharpe ratio against the risk-free rate.
  fn("optimize-portfolio", HEAVY, [...PORTFOLIO, "treasury"]),
  fn("efficient-frontier", HEAVY, PORTFOLIO),
  fn("optimize-cvar", HEAVY, PORTFOLIO),
  // Clustering and recursive bisection are cheap; the time goes into fetching the prices.
  fn("hrp", LIGHT, PORTFOLIO),
  // The posterior, then a constrained optimisation on it.
  fn("black-litterman", HEAVY, PORTFOLIO),
  fn("var", LIGHT, ["prices"]),
  fn("cvar", LIGHT, ["prices"]),
  fn("capm-beta", LIGHT, ["prices", "profiles"]),
  fn("capm-equity", LIGHT, FULL_PROFILE),
  fn("sharpe-ratio", LIGHT, FULL_PROFILE),
  // Without --discount the dividends are discounted at the cost of equity.
  fn("ddm", LIGHT, [...FULL_PROFILE, "dividends"]),
  // The dashboard's moving-average and dividend views.
  fn("mov-averages", LIGHT, ["prices"]),
  fn("dividends", LIGHT, ["dividends"]),
  fn("yield-curve", { memoryMb: 256, timeoutSeconds: 90 }, ["treasury"]),
  fn("prices", { memoryMb: 256, timeoutSeconds: 120 }, ["prices"]),
];

/**
 * The engine's computing commands that get no function, each with the reason. `test/function-catalog.test.ts`
 * checks that every computing command of the engine is either deployed or listed here.
 */
export const NOT_DEPLOYED: Readonly<Record<string, string>> = {
  correlations: "the rolling correlation is a CLI chart (plot-correlations); the dashboard does not call it",
  "max-return": "a corner case of efficient-frontier (its last point), which is deployed",
  screen: "it screens the user's local watchlist file, which a function does not have",
  close: "the latest close is the last row of prices, which is deployed",
  interest: "the dashboard reads Treasury yields through yield-curve, which is deployed",
  "risk-free": "the risk-free rate is the RISK_FREE maturity of yield-curve, which is deployed",
  asset: "asset types are resolved inside every deployed command; on its own it is CLI housekeeping",
  stat: "FRED statistics need a FRED key, which the stack does not provision",
  stats: "FRED statistics need a FRED key, which the stack does not provision",
};
