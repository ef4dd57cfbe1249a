export { calendarFor } from "./calendar-for.js";
export { CRYPTO_CALENDAR } from "./crypto-calendar.js";
export { datesBetween, daysBetween } from "./dates-between.js";
export { DEFAULT_ANALYSIS_PERIOD, defaultAnalysisWindow } from "./default-window.js";
export { addCalendarDays, assertIsoDate, calendarDaysFrom, dayNumberOf, isIsoDate, weekdayOf } from "./iso-date.js";
export { keepTradingDays } from "./keep-trading-days.js";
export { lastCloseDate, type MarketCloseOptions } from "./last-close.js";
export { newYorkTime } from "./new-york-time.js";
export { NYSE_CALENDAR } from "./nyse-calendar.js";
export {
  type MarketClosure,
  NYSE_FIRST_YEAR,
  NYSE_LAST_YEAR,
  NYSE_SPECIAL_CLOSURES,
  nyseClosures,
  nyseScheduledHolidays,
} from "./nyse-holidays.js";
export {
  FREQ_ANNUAL,
  FREQ_DAY,
  FREQ_MONTH,
  FREQ_QUARTER,
  nextPeriodDate,
  timeToNextMonth,
  timeToNextPeriod,
  timeToNextQuarter,
  timeToNextYear,
} from "./period-helpers.js";
export type { TradingCalendar } from "./trading-calendar.js";
export { type DateValidationInput, validateDates } from "./validate-dates.js";
