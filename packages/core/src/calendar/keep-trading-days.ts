import type { PriceSeries } from "../types.js";
import { NYSE_CALENDAR } from "./nyse-calendar.js";
import type { TradingCalendar } from "./trading-calendar.js";

/** The observations of a series that fall on trading days of the calendar (spec §9.2 intersect). */
export function keepTradingDays(series: PriceSeries, calendar: TradingCalendar = NYSE_CALENDAR): PriceSeries {
  const kept = series.dates.flatMap((date, index) => (calendar.isTradingDay(date) ? [index] : []));
  const pick = (values: Float64Array): Float64Array => Float64Array.from(kept, (index) => values[index] as number);
  const result: PriceSeries = { dates: kept.map((index) => series.dates[index] as string), close: pick(series.close) };
  if (series.open) result.open = pick(series.open);
  return result;
}
