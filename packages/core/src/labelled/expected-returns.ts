import { ScrillaError } from "../errors.js";
import { capmReturns } from "../expected-returns/capm-returns.js";
import {
  arithmeticMeanReturns,
  ewmaMeanReturns,
  gbmDriftReturns,
  geometricMeanReturns,
} from "../expected-returns/mean-returns.js";
import { choiceOption, numberOption, optionsObject, periodsPerYearOption, shown } from "./estimator-options.js";
import {
  MISSING_DATA_POLICIES,
  type MissingDataPolicy,
  type PriceInput,
  type PricePanel,
  pricePanel,
} from "./price-panel.js";
import { RETURN_KINDS, type ReturnKind, type ReturnsTable, returnsOfPanel } from "./returns-table.js";

export const MEAN_METHODS = ["arithmetic", "geometric", "ewma", "capm", "gbm"] as const;
export type MeanMethod = (typeof MEAN_METHODS)[number];

export interface ExpectedReturnsOptions {
  /**
   * - `arithmetic` (default): ppy · mean return;
   * - `geometric`: compound annual growth rate (CAGR);
   * - `ewma`: ppy · exponentially weighted mean (span 500 unless `span` or `halfLife`);
   * - `capm`: rf + β(E[Rm] − rf) against `benchmark` prices or the equal-weighted market of the tickers;
   * - `gbm`: scrilla's GBM drift μ = ppy · mean log return + σ²/2 (always on log returns).
   */
  method?: MeanMethod;
  /** Return definition, default "simple". */
  returns?: ReturnKind;
  /** Periods per year (default 252). */
  periodsPerYear?: number;
  /** Default true; false reports per-period figures. */
  annualise?: boolean;
  /** Default "reject"; "pairwise" is accepted by arithmetic and geometric means only. */
  missing?: MissingDataPolicy;
  span?: number;
  halfLife?: number;
  /** capm: the market's prices ({ dates, close }), aligned to the tickers' dates by the missing-data policy. */
  benchmark?: { dates: readonly string[]; close: ArrayLike<number> };
  /** capm: annual risk-free rate (default 0). */
  riskFreeRate?: number;
}

/** Expected returns by ticker; `JSON.stringify` of it reads as a table. */
export interface ExpectedReturnsResult {
  tickers: string[];
  /** In ticker order. */
  values: number[];
  byTicker: Record<string, number>;
  method: MeanMethod;
  returns: ReturnKind;
  /** True when annual (× periodsPerYear); false for per-period figures. */
  annualised: boolean;
  periodsPerYear: number;
  /** capm only: β per ticker. */
  betas?: Record<string, number>;
}

const PAIRWISE_MEANS: readonly MeanMethod[] = ["arithmetic", "geometric"];
const BENCHMARK = "(benchmark)";

/** Expected returns of every ticker from its prices (oldest first). */
export function expectedReturns(prices: PriceInput, options?: ExpectedReturnsOptions): ExpectedReturnsResult {
  const o = optionsObject(options, "expectedReturns");
  const method = choiceOption(o.method, "method", MEAN_METHODS, "arithmetic");
  const returnsKind = method === "gbm" ? "log" : choiceOption(o.returns, "returns", RETURN_KINDS, "simple");
  const periodsPerYear = periodsPerYearOption(o.periodsPerYear);
  const annualised = o.annualise ?? true;
  if (typeof annualised !== "boolean") throw invalidOption("annualise", annualised, "pass true or false");
  const missing = choiceOption(o.missing, "missing", MISSING_DATA_POLICIES, "reject");
  if (missing === "pairwise" && !PAIRWISE_MEANS.includes(method)) {
    throw invalidOption("missing", missing, `the ${method} mean needs complete data; use "complete-cases"`);
  }
  const rf = numberOption(o.riskFreeRate, "riskFreeRate", 0);
  const scale = { periodsPerYear: annualised ? periodsPerYear : 1 };
  let panel = pricePanel(prices, missing);
  let benchmark: Float64Array | undefined;
  if (method === "capm" && o.benchmark !== undefined) {
    ({ panel, benchmark } = withBenchmark(prices, o.benchmark, missing, returnsKind));
  }
  const table = returnsOfPanel(panel, returnsKind);
  let values: Float64Array;
  let betas: Float64Array | undefined;
  switch (method) {
    case "arithmetic":
      values = arithmeticMeanReturns(table, scale);
      break;
    case "geometric":
      values = geometricMeanReturns(table, { ...scale, returns: returnsKind });
      break;
    case "ewma":
      values = ewmaMeanReturns(table, { ...scale, ...decayOptions(o) });
      break;
    case "gbm":
      values = gbmDriftReturns(table, scale);
      break;
    case "capm": {
      const capm = capmReturns(table, { ...scale, riskFreeRate: rf, ...(benchmark ? { market: benchmark } : {}) });
      values = capm.expectedReturns;
      betas = capm.betas;
      break;
    }
  }
  const result: ExpectedReturnsResult = {
    tickers: table.tickers,
    values: Array.from(values),
    byTicker: byTicker(table.tickers, values),
    method,
    returns: returnsKind,
    annualised,
    periodsPerYear,
  };
  if (betas) result.betas = byTicker(table.tickers, betas);
  return result;
}

export function byTicker(tickers: readonly string[], values: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(tickers.map((ticker, i) => [ticker, values[i]!]));
}

export function decayOptions(o: { span?: number; halfLife?: number }): { span?: number; halfLife?: number } {
  return {
    ...(o.span !== undefined ? { span: o.span } : {}),
    ...(o.halfLife !== undefined ? { halfLife: o.halfLife } : {}),
  };
}

export function invalidOption(name: string, value: unknown, hint: string): ScrillaError {
  return new ScrillaError("INVALID_INPUT", `Option ${name} is ${shown(value)}; ${hint}.`, { option: name });
}

/** The benchmark joins the panel as one more row, so the missing-data policy aligns it like any ticker. */
function withBenchmark(
  prices: PriceInput,
  benchmark: { dates: readonly string[]; close: ArrayLike<number> },
  missing: MissingDataPolicy,
  kind: ReturnKind,
): { panel: PricePanel; benchmark: Float64Array } {
  const base = pricePanel(prices, "pairwise");
  const series: Record<string, { dates: readonly string[]; close: ArrayLike<number> }> = {};
  const days = base.dates.length;
  base.tickers.forEach((ticker, i) => {
    const close = base.values.subarray(i * days, (i + 1) * days);
    const kept = base.dates.map((_, t) => t).filter((t) => !Number.isNaN(close[t]!));
    series[ticker] = { dates: kept.map((t) => base.dates[t]!), close: kept.map((t) => close[t]!) };
  });
  series[BENCHMARK] = benchmark;
  const joined = pricePanel(series, missing);
  const n = base.tickers.length;
  const joinedDays = joined.dates.length;
  const table = returnsOfPanel(
    { tickers: [BENCHMARK], dates: joined.dates, values: joined.values.subarray(n * joinedDays) },
    kind,
  );
  return {
    panel: { tickers: base.tickers, dates: joined.dates, values: joined.values.subarray(0, n * joinedDays) },
    benchmark: table.values,
  };
}

export type { ReturnsTable };
