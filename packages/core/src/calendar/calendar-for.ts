import type { AssetType } from "../types.js";
import { CRYPTO_CALENDAR } from "./crypto-calendar.js";
import { NYSE_CALENDAR } from "./nyse-calendar.js";
import type { TradingCalendar } from "./trading-calendar.js";

/** Equities trade on NYSE days, crypto every calendar day. */
export function calendarFor(assetType: AssetType): TradingCalendar {
  return assetType === "crypto" ? CRYPTO_CALENDAR : NYSE_CALENDAR;
}
