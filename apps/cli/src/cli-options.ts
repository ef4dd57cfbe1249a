/** How an option's value is read. */
export type OptionValueKind = "date" | "number" | "integer" | "string" | "flag";

export interface CliOptionSpec {
  /** Canonical long name (`--start`); also the key in the parsed options. */
  long: string;
  /** POSIX one-letter short form, if any. */
  short?: string;
  /** The original's other spellings (spec §10.2), each accepted with one or two dashes. */
  legacy: string[];
  kind: OptionValueKind;
  valueName?: string;
  description: string;
}

/**
 * Every option of spec §10.2 plus `--method` and `--asset-type`. The parser is global like the
 * original's: every command accepts every option and ignores (with a warning) those it does not read.
 */
export const CLI_OPTIONS: readonly CliOptionSpec[] = [
  {
    long: "start",
    short: "s",
    legacy: ["start-date"],
    kind: "date",
    valueName: "date",
    description: "first date of the window (YYYY-MM-DD)",
  },
  {
    long: "end",
    short: "e",
    legacy: ["end-date"],
    kind: "date",
    valueName: "date",
    description: "last date of the window (YYYY-MM-DD)",
  },
  {
    long: "target",
    short: "t",
    legacy: ["target-return"],
    kind: "number",
    valueName: "return",
    description: "target annual return, e.g. 0.12",
  },
  {
    long: "discount",
    short: "d",
    legacy: ["discount-rate"],
    kind: "number",
    valueName: "rate",
    description: "discount rate for the dividend model (default: cost of equity)",
  },
  {
    long: "invest",
    short: "i",
    legacy: ["investment"],
    kind: "number",
    valueName: "amount",
    description: "amount to invest; adds whole shares to an allocation",
  },
  {
    long: "expiry",
    short: "x",
    legacy: ["exp"],
    kind: "number",
    valueName: "years",
    description: "horizon in years for VaR/CVaR",
  },
  {
    long: "prob",
    short: "p",
    legacy: ["probability"],
    kind: "number",
    valueName: "p",
    description: "tail probability in (0, 1) for VaR/CVaR",
  },
  {
    long: "steps",
    short: "n",
    legacy: ["frontier-steps"],
    kind: "integer",
    valueName: "count",
    description: "number of efficient-frontier points",
  },
  {
    long: "criteria",
    short: "c",
    legacy: ["crit"],
    kind: "string",
    valueName: "name",
    description: "screen by ddm, sharpe, volatility or return",
  },
  {
    long: "save",
    short: "o",
    legacy: ["save-file"],
    kind: "string",
    valueName: "path",
    description: "also write the result: .json, .csv; plots: .svg or .png",
  },
  {
    long: "key",
    short: "k",
    legacy: [],
    kind: "string",
    valueName: "name",
    description: "store: the key name, e.g. ALPHA_VANTAGE_KEY",
  },
  {
    long: "value",
    short: "v",
    legacy: [],
    kind: "string",
    valueName: "value",
    description: "store: the value to store",
  },
  {
    long: "host",
    legacy: [],
    kind: "string",
    valueName: "address",
    description: "serve: the address to listen on (default 127.0.0.1, this machine only)",
  },
  {
    long: "port",
    legacy: [],
    kind: "integer",
    valueName: "number",
    description: "serve: the TCP port (default 8484; 0 picks a free one)",
  },
  { long: "sharpe", legacy: ["sh"], kind: "flag", description: "optimize-portfolio: maximise the Sharpe ratio" },
  { long: "open", legacy: [], kind: "flag", description: "plots: open the chart in the system viewer" },
  {
    long: "target-volatility",
    legacy: [],
    kind: "number",
    valueName: "sigma",
    description: "optimize-portfolio: highest return within this annual volatility, e.g. 0.15",
  },
  { long: "short", legacy: [], kind: "flag", description: "allow short positions (weights in [-1, 1])" },
  {
    long: "sectors",
    legacy: [],
    kind: "string",
    valueName: "file",
    description: 'JSON {"groups": {TICKER: group}, "limits": {group: {"min": .., "max": ..}}}',
  },
  {
    long: "max-turnover",
    legacy: [],
    kind: "number",
    valueName: "fraction",
    description: "cap on Σ|w − current| (needs --current), e.g. 0.2",
  },
  { long: "current", legacy: [], kind: "string", valueName: "file", description: "JSON {TICKER: weight} held now" },
  {
    long: "cost-rate",
    legacy: [],
    kind: "string",
    valueName: "rate|file",
    description: "charge Σc·|w − current| (needs --current): one rate, e.g. 0.001, or JSON {TICKER: rate}",
  },
  {
    long: "risk",
    legacy: [],
    kind: "string",
    valueName: "measure",
    description: "scenario risk to minimise: cvar-historical, cdar or semivariance (tail: --prob, default 0.05)",
  },
  {
    long: "views",
    legacy: [],
    kind: "string",
    valueName: "file",
    description: "black-litterman: JSON market caps and views",
  },
  { long: "json", short: "j", legacy: ["js"], kind: "flag", description: "print one JSON document on stdout" },
  { long: "quiet", short: "q", legacy: [], kind: "flag", description: "print nothing on stdout" },
  { long: "moments", legacy: ["mom"], kind: "flag", description: "estimate by moment matching" },
  { long: "percentiles", legacy: ["per"], kind: "flag", description: "estimate by percentile matching" },
  { long: "likelihood", legacy: ["like"], kind: "flag", description: "estimate by maximum likelihood" },
  {
    long: "method",
    short: "m",
    legacy: [],
    kind: "string",
    valueName: "name",
    description: "moments, percentiles or likelihood",
  },
  {
    long: "asset-type",
    legacy: [],
    kind: "string",
    valueName: "type",
    description: "force equity or crypto for every symbol",
  },
  {
    long: "returns",
    legacy: [],
    kind: "string",
    valueName: "kind",
    description: "portfolios: log or simple returns for --mean and --risk-model (default simple)",
  },
  {
    long: "mean",
    legacy: [],
    kind: "string",
    valueName: "name",
    description: "portfolios: expected returns by gbm (default), arithmetic, geometric, ewma or capm",
  },
  {
    long: "risk-model",
    legacy: [],
    kind: "string",
    valueName: "name",
    description:
      "portfolios: covariance by sample, semicov, ewma, ledoit-wolf[-single-factor|-constant-correlation] or oas",
  },
  {
    long: "allocation",
    legacy: [],
    kind: "string",
    valueName: "name",
    description: "with --invest: whole shares by truncate (default), greedy or exact (least tracking error)",
  },
  { long: "help", short: "h", legacy: [], kind: "flag", description: "show help" },
];

/** Every spelling (without dashes) → canonical long name. */
export function spellingTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const option of CLI_OPTIONS) {
    table.set(option.long, option.long);
    for (const spelling of option.legacy) table.set(spelling, option.long);
    if (option.short) table.set(option.short, option.long);
  }
  return table;
}
