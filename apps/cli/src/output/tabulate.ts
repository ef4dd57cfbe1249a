/** Turns a command's JSON result into titled tables, shared by the pretty printer and the CSV writer. */

export type CellStyle = "text" | "number" | "percent" | "points" | "money" | "integer";
export type Cell = string | number | boolean | null;

export interface Section {
  title?: string;
  columns: string[];
  styles: CellStyle[];
  rows: Cell[][];
  /** Per-row style of the last column, for field/value tables whose rows differ in kind. */
  rowStyles?: CellStyle[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERCENT_KEY =
  /^(annual_return|annual_volatility|equity_cost|portfolio_return|portfolio_volatility|correlation|allocation|weight|discount|MA_\d+)$/;
const MONEY_KEY =
  /^((conditional_)?value_at_risk(_loss)?|discount_dividend|total|leftover|close|price|spot_price|model_price)$/;
const INTEGER_KEY = /^(shares)$/;

/** Style of values that have no key of their own (values of `{ticker: x}` and `{date: x}` maps). */
function commandStyle(command: string): CellStyle {
  if (["close", "prices", "dividends", "discount-dividend-model"].includes(command)) return "money";
  if (["correlations", "risk-free", "yield-curve"].includes(command)) return "percent";
  if (command === "interest") return "points";
  return "number";
}

export function styleForKey(key: string, command: string): CellStyle {
  // optimize-cvar's CVaR is a fraction of the portfolio's value (its money figure is the _loss key).
  if (command === "optimize-cvar" && key === "conditional_value_at_risk") return "percent";
  if (PERCENT_KEY.test(key)) return "percent";
  if (MONEY_KEY.test(key)) return "money";
  if (INTEGER_KEY.test(key)) return "integer";
  return commandStyle(command);
}

export function tabulate(command: string, result: unknown, symbols: readonly string[]): Section[] {
  if (Array.isArray(result)) return tabulateList(command, result);
  if (!isRecord(result)) return [{ columns: [command], styles: [styleOf(result, command)], rows: [[toCell(result)]] }];
  if (isRecord(result.holdings) || Array.isArray(result.holdings)) return tabulateAllocation(command, result);
  if (Array.isArray(result.correlation_matrix)) return [tabulateMatrix(result.correlation_matrix, symbols)];
  const entries = Object.entries(result);
  if (entries.every(([, value]) => !isRecord(value) && !Array.isArray(value))) {
    return [tabulateScalars(command, result)];
  }
  if (entries.every(([, value]) => isRecord(value) && Object.values(value).every(isRecord))) {
    // {ticker: {date: {field: x}}} (moving averages): one table per ticker.
    return entries.flatMap(([key, value]) =>
      tabulate(command, value, symbols).map((section) => ({ ...section, title: key })),
    );
  }
  if (entries.every(([, value]) => isRecord(value))) {
    return [tabulateNested(command, result as Record<string, Record<string, unknown>>)];
  }
  // Mixed: scalar fields first, then one table per nested value.
  const scalars = Object.fromEntries(entries.filter(([, value]) => !isRecord(value) && !Array.isArray(value)));
  const sections: Section[] = Object.keys(scalars).length > 0 ? [fieldTable(command, Object.entries(scalars))] : [];
  for (const [key, value] of entries) {
    if (isRecord(value) || Array.isArray(value)) {
      for (const section of tabulate(command, value, symbols))
        sections.push({ ...section, title: section.title ?? key });
    }
  }
  return sections;
}

function tabulateScalars(command: string, map: Record<string, unknown>): Section {
  const keys = Object.keys(map);
  const byDate = keys.length > 0 && keys.every((key) => ISO_DATE.test(key));
  return {
    columns: [byDate ? "date" : "symbol", valueHeading(command)],
    styles: ["text", commandStyle(command)],
    rows: keys.map((key) => [key, toCell(map[key])]),
  };
}

function tabulateNested(command: string, map: Record<string, Record<string, unknown>>): Section {
  const outer = Object.keys(map);
  const inner = unionKeys(Object.values(map));
  if (inner.length > 0 && inner.every((key) => ISO_DATE.test(key))) {
    // {ticker: {date: value}} → one row per date, one column per ticker.
    const dates = [...inner].sort();
    return {
      columns: ["date", ...outer],
      styles: ["text", ...outer.map(() => commandStyle(command))],
      rows: dates.map((date) => [date, ...outer.map((key) => toCell(map[key]?.[date]))]),
    };
  }
  const first = outer.every((key) => ISO_DATE.test(key)) ? "date" : "symbol";
  return {
    columns: [first, ...inner],
    styles: ["text", ...inner.map((key) => styleForKey(key, command))],
    rows: outer.map((key) => [key, ...inner.map((column) => toCell(map[key]?.[column]))]),
  };
}

function tabulateAllocation(command: string, allocation: Record<string, unknown>): Section[] {
  const summary = Object.entries(allocation).filter(
    ([key, value]) => key !== "holdings" && key !== "shares" && !isRecord(value) && !Array.isArray(value),
  );
  return [
    { ...holdingsTable(command, allocation), title: "holdings" },
    { ...fieldTable(command, summary), title: "portfolio" },
  ];
}

/** Holdings as scrilla's list of `{ticker, allocation, …}` (spec §5.11) or as `{ticker: weight}` plus `shares`. */
function holdingsTable(command: string, allocation: Record<string, unknown>): Section {
  if (Array.isArray(allocation.holdings)) return tabulateList(command, allocation.holdings)[0]!;
  const holdings = allocation.holdings as Record<string, unknown>;
  const shares = isRecord(allocation.shares) ? allocation.shares : undefined;
  return {
    columns: shares ? ["ticker", "allocation", "shares"] : ["ticker", "allocation"],
    styles: shares ? ["text", "percent", "integer"] : ["text", "percent"],
    rows: Object.keys(holdings).map((ticker) =>
      shares ? [ticker, toCell(holdings[ticker]), toCell(shares[ticker])] : [ticker, toCell(holdings[ticker])],
    ),
  };
}

/** `{ticker: weight}` of either holdings shape. */
function weightsOf(holdings: unknown): Record<string, unknown> {
  if (isRecord(holdings)) return holdings;
  if (!Array.isArray(holdings)) return {};
  return Object.fromEntries(holdings.filter(isRecord).map((holding) => [String(holding.ticker), holding.allocation]));
}

function tabulateList(command: string, list: unknown[]): Section[] {
  const records = list.filter(isRecord);
  if (records.length > 0 && records.every((record) => isRecord(record.holdings) || Array.isArray(record.holdings))) {
    // Efficient frontier: one row per point, one weight column per ticker.
    const weights = records.map((record) => weightsOf(record.holdings));
    const tickers = unionKeys(weights);
    const stats = unionKeys(records.map((record) => omitNested(record)));
    return [
      {
        columns: ["point", ...tickers, ...stats],
        styles: [
          "integer",
          ...tickers.map((): CellStyle => "percent"),
          ...stats.map((key) => styleForKey(key, command)),
        ],
        rows: records.map((record, index) => [
          index + 1,
          ...tickers.map((ticker) => toCell(weights[index]?.[ticker])),
          ...stats.map((key) => toCell(record[key])),
        ]),
      },
    ];
  }
  const flat = list.map((item) => (isRecord(item) ? flatten(item) : { value: item }));
  const columns = unionKeys(flat);
  return [
    {
      columns,
      styles: columns.map((key) => styleForKey(key.split(".").pop() ?? key, command)),
      rows: flat.map((row) => columns.map((column) => toCell(row[column]))),
    },
  ];
}

function tabulateMatrix(matrix: unknown[], symbols: readonly string[]): Section {
  const labels = matrix.map((_, index) => symbols[index] ?? `#${index + 1}`);
  return {
    title: "correlation",
    columns: ["", ...labels],
    styles: ["text", ...labels.map((): CellStyle => "percent")],
    // Lower triangle only, as the original printed it.
    rows: matrix.map((row, i) => [
      labels[i] ?? "",
      ...labels.map((_, j) => (j <= i && Array.isArray(row) ? toCell(row[j]) : null)),
    ]),
  };
}

function valueHeading(command: string): string {
  const headings: Record<string, string> = {
    close: "close",
    correlations: "correlation",
    "sharpe-ratio": "sharpe_ratio",
    "capm-beta": "asset_beta",
    "risk-free": "rate",
    "yield-curve": "yield",
    asset: "asset_type",
  };
  return headings[command] ?? "value";
}

function fieldTable(command: string, entries: [string, unknown][]): Section {
  return {
    columns: ["field", "value"],
    styles: ["text", "text"],
    rows: entries.map(([key, value]) => [key, toCell(value)]),
    rowStyles: entries.map(([key, value]) => (typeof value === "number" ? styleForKey(key, command) : "text")),
  };
}

function styleOf(value: unknown, command: string): CellStyle {
  return typeof value === "number" ? commandStyle(command) : "text";
}

function omitNested(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => !isRecord(value) && !Array.isArray(value)));
}

function flatten(record: Record<string, unknown>, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (isRecord(value)) Object.assign(out, flatten(value, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = value;
  }
  return out;
}

function unionKeys(records: Record<string, unknown>[]): string[] {
  const keys = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) keys.add(key);
  return [...keys];
}

function toCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
