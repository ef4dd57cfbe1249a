import type { CommandOptions } from "../engine-types.js";

export { API_KEY_NAMES } from "./api-key-names.js";

export type OptionName = keyof CommandOptions;

/** What a command's positional symbols are. */
export type SymbolKind = "tickers" | "maturities" | "fred" | "commands" | "none" | "keys" | "shells";

export interface CommandSpec {
  /** Primary spelling (spec §10.4). */
  name: string;
  /** Short spellings; unique across all commands (D-59). */
  aliases: readonly string[];
  summary: string;
  symbols: SymbolKind;
  arity: { min: number; max?: number };
  /** Options the command reads; others are rejected by callers that validate strictly. */
  options: readonly OptionName[];
  /** Options without which the command cannot run. */
  required?: readonly OptionName[];
  /** compute: engine function returning JSON; plot: chart of a compute result; admin: CLI-only housekeeping. */
  kind: "compute" | "plot" | "admin";
}

const WINDOW = ["start", "end", "assetType"] as const satisfies readonly OptionName[];
const ESTIMATE = [...WINDOW, "method"] as const satisfies readonly OptionName[];
/** The portfolio-builder estimators (issue 10), read by every optimising command. */
const BUILDER = ["returns", "mean", "riskModel"] as const satisfies readonly OptionName[];
const CONSTRAINTS = ["short", "sectors", "maxTurnover", "currentWeights"] as const satisfies readonly OptionName[];

/** Keeps each entry's literal name, aliases and options, so command-types.ts can derive per-command types. */
const commandTable = <const T extends readonly CommandSpec[]>(specs: T): T => specs;

/**
 * Every command of spec §10.4, with the D-59 alias collisions removed. The one list of commands: the typed
 * `Engine.run` (command-types.ts) is derived from it.
 */
export const COMMAND_TABLE = commandTable([
  {
    name: "risk-profile",
    aliases: ["rp"],
    summary: "Annual return, volatility, Sharpe ratio, beta and cost of equity",
    symbols: "tickers",
    arity: { min: 1 },
    options: ESTIMATE,
    kind: "compute",
  },
  {
    name: "correlation",
    aliases: ["cor"],
    summary: "Correlation matrix of two or more assets",
    symbols: "tickers",
    arity: { min: 2 },
    options: ESTIMATE,
    kind: "compute",
  },
  {
    name: "correlations",
    aliases: ["cors"],
    summary: "Rolling correlation of two assets over the window",
    symbols: "tickers",
    arity: { min: 2, max: 2 },
    options: ESTIMATE,
    kind: "compute",
  },
  {
    name: "sharpe-ratio",
    aliases: ["sr"],
    summary: "Sharpe ratio against the risk-free rate",
    symbols: "tickers",
    arity: { min: 1 },
    options: ESTIMATE,
    kind: "compute",
  },
  {
    name: "capm-beta",
    aliases: ["capm-b"],
    summary: "CAPM beta against the market proxy",
    symbols: "tickers",
    arity: { min: 1 },
    options: ESTIMATE,
    kind: "compute",
  },
  {
    name: "capm-equity",
    aliases: ["capm-e"],
    summary: "CAPM cost of equity",
    symbols: "tickers",
    arity: { min: 1 },
    options: ESTIMATE,
    kind: "compute",
  },
  {
    name: "var",
    aliases: ["va"],
    summary: "Value at risk under GBM",
    symbols: "tickers",
    arity: { min: 1 },
    options: [...ESTIMATE, "probability", "expiry"],
    required: ["probability", "expiry"],
    kind: "compute",
  },
  {
    name: "cvar",
    aliases: ["cv"],
    summary: "Conditional value at risk under GBM",
    symbols: "tickers",
    arity: { min: 1 },
    options: [...ESTIMATE, "probability", "expiry"],
    required: ["probability", "expiry"],
    kind: "compute",
  },
  {
    name: "mov-averages",
    aliases: ["mas"],
    summary: "Moving averages of the annualised return",
    symbols: "tickers",
    arity: { min: 1 },
    options: ESTIMATE,
    kind: "compute",
  },
  {
    name: "optimize-portfolio",
    aliases: ["opt"],
    summary: "Minimum-variance (or --sharpe: maximum Sharpe) long-only portfolio",
    symbols: "tickers",
    arity: { min: 2 },
    options: [
      ...ESTIMATE,
      "target",
      "sharpe",
      "investment",
      ...BUILDER,
      "allocation",
      ...CONSTRAINTS,
      "costRate",
      "targetVolatility",
      "risk",
      "probability",
    ],
    kind: "compute",
  },
  {
    name: "max-return",
    aliases: ["max"],
    summary: "Maximum-return long-only portfolio",
    symbols: "tickers",
    arity: { min: 2 },
    options: [...ESTIMATE, "investment", ...BUILDER, "allocation"],
    kind: "compute",
  },
  {
    name: "optimize-cvar",
    aliases: ["opt-cvar"],
    summary: "Minimum conditional value at risk portfolio",
    symbols: "tickers",
    arity: { min: 2 },
    options: [...ESTIMATE, "target", "investment", "probability", "expiry", ...BUILDER, "allocation"],
    required: ["probability", "expiry"],
    kind: "compute",
  },
  {
    name: "efficient-frontier",
    aliases: ["ef"],
    summary: "Efficient frontier from minimum variance to maximum return",
    symbols: "tickers",
    arity: { min: 2 },
    options: [
      ...ESTIMATE,
      "steps",
      "investment",
      ...BUILDER,
      "allocation",
      ...CONSTRAINTS,
      "risk",
      "probability",
      "costRate",
    ],
    kind: "compute",
  },
  {
    name: "hrp",
    aliases: [],
    summary: "Hierarchical risk parity portfolio (López de Prado)",
    symbols: "tickers",
    arity: { min: 2 },
    options: [...ESTIMATE, "investment"],
    kind: "compute",
  },
  {
    name: "black-litterman",
    aliases: ["bl"],
    summary: "Black–Litterman posterior returns (--views FILE) and the optimal portfolio on them",
    symbols: "tickers",
    arity: { min: 2 },
    options: [...ESTIMATE, "investment", "views", ...CONSTRAINTS, "costRate", "targetVolatility"],
    required: ["views"],
    kind: "compute",
  },
  {
    name: "discount-dividend-model",
    aliases: ["ddm"],
    summary: "Net present value of future dividends",
    symbols: "tickers",
    arity: { min: 1 },
    options: [...ESTIMATE, "discount"],
    kind: "compute",
  },
  {
    name: "screen",
    aliases: ["scr"],
    summary: "Screen the watchlist by DDM value, Sharpe, volatility or return",
    symbols: "tickers",
    arity: { min: 0 },
    options: [...ESTIMATE, "discount", "criteria"],
    kind: "compute",
  },
  {
    name: "dividends",
    aliases: ["divs"],
    summary: "Dividend payment history",
    symbols: "tickers",
    arity: { min: 1 },
    options: ["start", "end"],
    kind: "compute",
  },
  {
    name: "prices",
    aliases: ["pr"],
    summary: "Daily closing prices",
    symbols: "tickers",
    arity: { min: 1 },
    options: WINDOW,
    kind: "compute",
  },
  {
    name: "close",
    aliases: ["cl"],
    summary: "Latest closing price",
    symbols: "tickers",
    arity: { min: 1 },
    options: ["assetType"],
    kind: "compute",
  },
  {
    name: "interest",
    aliases: ["int"],
    summary: "Treasury yields (percent) for maturities",
    symbols: "maturities",
    arity: { min: 1 },
    options: ["start", "end"],
    kind: "compute",
  },
  {
    name: "yield-curve",
    aliases: ["yc"],
    summary: "The Treasury yield curve (decimal) on a date",
    symbols: "none",
    arity: { min: 0, max: 0 },
    options: ["start"],
    kind: "compute",
  },
  {
    name: "risk-free",
    aliases: ["rf"],
    summary: "The risk-free rate (decimal)",
    symbols: "none",
    arity: { min: 0, max: 0 },
    options: ["end"],
    kind: "compute",
  },
  {
    name: "asset",
    aliases: ["a"],
    summary: "Asset type (equity or crypto) of symbols",
    symbols: "tickers",
    arity: { min: 1 },
    options: ["assetType"],
    kind: "compute",
  },
  {
    name: "stat",
    aliases: ["s"],
    summary: "Latest value of FRED series",
    symbols: "fred",
    arity: { min: 1 },
    options: [],
    kind: "compute",
  },
  {
    name: "stats",
    aliases: ["ss"],
    summary: "FRED series over the window",
    symbols: "fred",
    arity: { min: 1 },
    options: ["start", "end"],
    kind: "compute",
  },
  {
    name: "plot-correlations",
    aliases: ["plot-cors"],
    summary: "Chart of the rolling correlation of two assets",
    symbols: "tickers",
    arity: { min: 2, max: 2 },
    options: ESTIMATE,
    kind: "plot",
  },
  {
    name: "plot-correlation-matrix",
    aliases: ["plot-cor"],
    summary: "Heat map of the correlation matrix",
    symbols: "tickers",
    arity: { min: 2 },
    options: ESTIMATE,
    kind: "plot",
  },
  {
    name: "plot-dividends",
    aliases: ["plot-divs"],
    summary: "Dividend history with its regression line",
    symbols: "tickers",
    arity: { min: 1, max: 1 },
    options: [...ESTIMATE, "discount"],
    kind: "plot",
  },
  {
    name: "plot-efficient-frontier",
    aliases: ["plot-ef"],
    summary: "Chart of the efficient frontier",
    symbols: "tickers",
    arity: { min: 2 },
    options: [...ESTIMATE, "steps", ...BUILDER, ...CONSTRAINTS, "risk", "probability", "costRate"],
    kind: "plot",
  },
  {
    name: "plot-moving-averages",
    aliases: ["plot-mas"],
    summary: "Chart of moving averages",
    symbols: "tickers",
    arity: { min: 1, max: 1 },
    options: ESTIMATE,
    kind: "plot",
  },
  {
    name: "plot-return-qq",
    aliases: ["plot-qq"],
    summary: "QQ plot of daily returns against the normal",
    symbols: "tickers",
    arity: { min: 1, max: 1 },
    options: WINDOW,
    kind: "plot",
  },
  {
    name: "plot-return-distribution",
    aliases: ["plot-dist"],
    summary: "Histogram of daily returns",
    symbols: "tickers",
    arity: { min: 1, max: 1 },
    options: WINDOW,
    kind: "plot",
  },
  {
    name: "plot-risk-profile",
    aliases: ["plot-rp"],
    summary: "Risk-return scatter of assets",
    symbols: "tickers",
    arity: { min: 1 },
    options: ESTIMATE,
    kind: "plot",
  },
  {
    name: "plot-yield-curve",
    aliases: ["plot-yc"],
    summary: "Chart of the yield curve on a date",
    symbols: "none",
    arity: { min: 0, max: 0 },
    options: ["start"],
    kind: "plot",
  },
  {
    name: "clear-cache",
    aliases: ["cc"],
    summary: "Delete every cached price, yield, profile and correlation",
    symbols: "none",
    arity: { min: 0, max: 0 },
    options: [],
    kind: "admin",
  },
  {
    name: "clear-static",
    aliases: ["cs"],
    summary: "Delete the downloaded symbol lists",
    symbols: "none",
    arity: { min: 0, max: 0 },
    options: [],
    kind: "admin",
  },
  {
    name: "clear-common",
    aliases: ["ccm"],
    summary: "Delete stored keys and the watchlist",
    symbols: "none",
    arity: { min: 0, max: 0 },
    options: [],
    kind: "admin",
  },
  {
    name: "purge",
    aliases: ["pu"],
    summary: "clear-cache + clear-static + clear-common",
    symbols: "none",
    arity: { min: 0, max: 0 },
    options: [],
    kind: "admin",
  },
  {
    name: "watch",
    aliases: ["w"],
    summary: "Add symbols to the watchlist",
    symbols: "tickers",
    arity: { min: 1 },
    options: [],
    kind: "admin",
  },
  {
    name: "watchlist",
    aliases: ["w-ls"],
    summary: "Print the watchlist",
    symbols: "none",
    arity: { min: 0, max: 0 },
    options: [],
    kind: "admin",
  },
  {
    name: "store",
    aliases: ["st"],
    summary: "Store an API key: echo <key> | scrilla store --key ALPHA_VANTAGE_KEY (prompts on a terminal)",
    symbols: "keys",
    arity: { min: 0 },
    options: [],
    kind: "admin",
  },
  {
    name: "serve",
    aliases: ["web"],
    summary: "Serve the web dashboard and the JSON API on 127.0.0.1 (--host, --port)",
    symbols: "none",
    arity: { min: 0, max: 0 },
    options: [],
    kind: "admin",
  },
  {
    name: "version",
    aliases: ["v"],
    summary: "Print the version",
    symbols: "none",
    arity: { min: 0 },
    options: [],
    kind: "admin",
  },
  {
    name: "completion",
    aliases: ["comp"],
    summary: "Print the shell completion script: completion bash|zsh|fish",
    symbols: "shells",
    arity: { min: 1, max: 1 },
    options: [],
    kind: "admin",
  },
  {
    name: "help",
    aliases: ["h"],
    summary: "Help on every command, or on the named ones",
    symbols: "commands",
    arity: { min: 0 },
    options: [],
    kind: "admin",
  },
]);

export const COMMAND_SPECS: readonly CommandSpec[] = COMMAND_TABLE;

export {
  ALLOCATION_CHOICES,
  MEAN_CHOICES,
  RETURNS_CHOICES,
  RISK_MODEL_CHOICES,
} from "./portfolio-option-values.js";

export function findCommand(word: string): CommandSpec | undefined {
  const lower = word.toLowerCase();
  return COMMAND_SPECS.find((c) => c.name === lower || c.aliases.includes(lower));
}
