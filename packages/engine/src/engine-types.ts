import type { AllocationOutput, AssetType, Maturity, ScenarioRiskMeasure } from "@scrilla/core";
import type {
  AllocationChoice,
  MeanChoice,
  ReturnsChoice,
  RiskModelChoice,
} from "./commands/portfolio-option-values.js";

export type EstimationMethod = "moments" | "percentiles" | "likelihood";
export type ScreenCriteria = "ddm" | "sharpe" | "volatility" | "return";

/** Options a command may read (spec §10.2). Each command reads only some of them. */
export interface CommandOptions {
  /** Inclusive analysis window; defaults per spec §9.4 (DEFAULT_ANALYSIS_PERIOD trading days back from the last trading day). */
  start?: string;
  end?: string;
  method?: EstimationMethod;
  /** Target annual return for optimisations. */
  target?: number;
  /** Discount rate for the DDM; defaults to the CAPM cost of equity. */
  discount?: number;
  /** Amount to invest; adds shares to an allocation. */
  investment?: number;
  /** Horizon in years for VaR/CVaR. */
  expiry?: number;
  /** Tail probability in (0, 1) for VaR/CVaR. */
  probability?: number;
  /** Number of efficient-frontier points. */
  steps?: number;
  criteria?: ScreenCriteria;
  /** optimize-portfolio: maximise the Sharpe ratio instead of minimising variance. */
  sharpe?: boolean;
  /** Forces the asset type of every ticker of the call (ambiguous symbols, D-37). */
  assetType?: AssetType;
  /** Portfolio commands: return definition for --mean and --risk-model (default simple). */
  returns?: ReturnsChoice;
  /** Portfolio commands: expected-return estimator (default gbm: scrilla's cached profiles). */
  mean?: MeanChoice;
  /** Portfolio commands: covariance estimator (default: scrilla's σ and correlation by --method). */
  riskModel?: RiskModelChoice;
  /** Portfolio commands with an investment: how whole shares are chosen (default truncate). */
  allocation?: AllocationChoice;
  /** optimize-portfolio: maximum return within this annual volatility. */
  targetVolatility?: number;
  /** Allow short positions: weights in [−1, 1]. */
  short?: boolean;
  /** Group of each ticker and min/max total weight per group. */
  sectors?: { groups: Record<string, string>; limits: Record<string, { min?: number; max?: number }> };
  /** L1 turnover cap against `currentWeights`, e.g. 0.2. */
  maxTurnover?: number;
  /** Current weights by ticker (for --max-turnover and --cost-rate). */
  currentWeights?: Record<string, number>;
  /**
   * Proportional transaction cost per unit of weight traded against `currentWeights` (0.001 = 10 bp), one
   * rate or a rate per ticker (tickers left out trade free); charged in the objective.
   */
  costRate?: number | Record<string, number>;
  /** Optimise a risk measured on the daily return scenarios instead of the variance. */
  risk?: ScenarioRiskMeasure;
  /** black-litterman: market caps, risk aversion and views. */
  views?: BlackLittermanViews;
}

/** The --views file of black-litterman. */
export interface BlackLittermanViews {
  marketCaps: Record<string, number>;
  riskAversion?: number;
  riskFreeRate?: number;
  tau?: number;
  views: { asset?: string; long?: string; short?: string; return: number; confidence?: number }[];
}

export interface RiskProfile {
  annual_return: number;
  annual_volatility: number;
  sharpe_ratio: number;
  asset_beta: number;
  equity_cost: number;
}

/** The allocation object of spec §5.11 (scrilla's key names), plus the fixes' extras. */
export type AllocationResult = AllocationOutput & {
  sharpe_ratio?: number;
  /** Cash not invested (with an investment). */
  leftover?: number;
  /** Present when the covariance had to be repaired before optimising. */
  covariance_repair?: unknown;
  /** optimize-cvar: the minimised CVaR as a loss fraction. */
  conditional_value_at_risk?: number;
  /** optimize-cvar with an investment: that fraction of the invested total, in money. */
  conditional_value_at_risk_loss?: number;
  /** With --allocation: the method and the RMSE of the achieved weights against the targets. */
  allocation_method?: AllocationChoice;
  allocation_rmse?: number;
  /** With --mean, --risk-model or --returns: the estimators used (and the shrinkage intensity, if any). */
  estimators?: {
    mean: MeanChoice;
    risk_model: RiskModelChoice | "scrilla";
    returns: ReturnsChoice;
    shrinkage?: number;
  };
};

export interface YieldCurveResult {
  date: string;
  curve: Record<Maturity, number | null>;
}

/** Progress of multi-ticker fetches, for a caller's progress bar (stderr). */
export interface ProgressEvent {
  kind: "fetch-start" | "fetch-done";
  source: "prices" | "interest" | "dividends";
  key: string;
  completed: number;
  total: number;
}

export type ProgressListener = (event: ProgressEvent) => void;

/** Structured log sink; the engine never writes to stdout. */
export interface EngineLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}
