/** Asset classes scrilla distinguishes: equities trade on NYSE days, crypto every calendar day. */
export type AssetType = "equity" | "crypto";

/** An inclusive ISO date range `YYYY-MM-DD`. */
export interface DateRange {
  start: string;
  end: string;
}

/** A daily price series, ascending by date (oldest first). */
export interface PriceSeries {
  dates: string[];
  close: Float64Array;
  open?: Float64Array;
}
