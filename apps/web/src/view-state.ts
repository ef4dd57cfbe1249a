/** The dashboard's views, in tab order. */
export const VIEWS = [
  { name: "risk", title: "Risk-return" },
  { name: "correlation", title: "Correlation" },
  { name: "frontier", title: "Efficient frontier" },
  { name: "averages", title: "Moving averages" },
  { name: "yield", title: "Yield curve" },
  { name: "var", title: "VaR / CVaR" },
  { name: "ddm", title: "Dividends (DDM)" },
] as const;

export type ViewName = (typeof VIEWS)[number]["name"];
export const METHODS = ["moments", "percentiles", "likelihood"] as const;
export type Method = (typeof METHODS)[number];

/** Everything a view shows, kept in the URL's query string so a view can be shared or bookmarked. */
export interface ViewState {
  view: ViewName;
  tickers: string[];
  start: string;
  end: string;
  method: Method;
  /** VaR/CVaR tail probability and horizon (years). */
  probability: number;
  expiry: number;
  /** DDM discount rate; empty means the CAPM cost of equity. */
  discount: number | undefined;
  /** Frontier target return chosen with the slider; empty means the minimum-variance portfolio. */
  target: number | undefined;
}

export const DEFAULT_STATE: ViewState = {
  view: "risk",
  tickers: ["SPY", "GLD", "BX"],
  start: "",
  end: "",
  method: "moments",
  probability: 0.05,
  expiry: 0.5,
  discount: undefined,
  target: undefined,
};

const isView = (value: string | null): value is ViewName => VIEWS.some((view) => view.name === value);
const isMethod = (value: string | null): value is Method => (METHODS as readonly (string | null)[]).includes(value);
const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

function numberOr<T>(text: string | null, fallback: T): number | T {
  if (text === null || text.trim() === "") return fallback;
  const value = Number(text);
  return Number.isFinite(value) ? value : fallback;
}

/** Reads a query string; anything missing or malformed takes its default. */
export function readViewState(search: string): ViewState {
  const query = new URLSearchParams(search);
  const tickers = (query.get("tickers") ?? "")
    .split(",")
    .map((ticker) => ticker.trim().toUpperCase())
    .filter((ticker) => ticker !== "");
  const view = query.get("view");
  const method = query.get("method");
  const start = query.get("start");
  const end = query.get("end");
  return {
    view: isView(view) ? view : DEFAULT_STATE.view,
    tickers: tickers.length > 0 ? tickers : DEFAULT_STATE.tickers,
    start: isDate(start) ? start : "",
    end: isDate(end) ? end : "",
    method: isMethod(method) ? method : DEFAULT_STATE.method,
    probability: numberOr(query.get("prob"), DEFAULT_STATE.probability),
    expiry: numberOr(query.get("expiry"), DEFAULT_STATE.expiry),
    discount: numberOr(query.get("discount"), undefined),
    target: numberOr(query.get("target"), undefined),
  };
}

/** The query string of a state (defaults left out, so shared links stay short). */
export function writeViewState(state: ViewState): string {
  const query = new URLSearchParams();
  query.set("view", state.view);
  query.set("tickers", state.tickers.join(","));
  if (state.start) query.set("start", state.start);
  if (state.end) query.set("end", state.end);
  if (state.method !== DEFAULT_STATE.method) query.set("method", state.method);
  if (state.probability !== DEFAULT_STATE.probability) query.set("prob", String(state.probability));
  if (state.expiry !== DEFAULT_STATE.expiry) query.set("expiry", String(state.expiry));
  if (state.discount !== undefined) query.set("discount", String(state.discount));
  if (state.target !== undefined) query.set("target", String(state.target));
  return `?${query.toString().replaceAll("%2C", ",")}`;
}
