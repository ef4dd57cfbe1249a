import { ScrillaError } from "../errors.js";
import { dayNumberOf, fromDayNumber, toDayNumber, weekdayOf } from "./iso-date.js";
import { NYSE_FIRST_YEAR, NYSE_LAST_YEAR, nyseClosureDays } from "./nyse-holidays.js";
import type { TradingCalendar } from "./trading-calendar.js";

const FIRST_DAY = dayNumberOf(NYSE_FIRST_YEAR, 1, 1);
const LAST_DAY = dayNumberOf(NYSE_LAST_YEAR, 12, 31);
const COVERAGE = { start: fromDayNumber(FIRST_DAY), end: fromDayNumber(LAST_DAY) };

interface SessionTable {
  /** Trading day numbers, ascending. */
  sessions: Int32Array;
  /** sessionsUpTo[d − FIRST_DAY] = number of trading days ≤ d. */
  sessionsUpTo: Int32Array;
}

let table: SessionTable | undefined;

function sessionTable(): SessionTable {
  if (table) return table;
  const closed = new Uint8Array(LAST_DAY - FIRST_DAY + 1);
  for (const day of nyseClosureDays(NYSE_FIRST_YEAR, NYSE_LAST_YEAR)) closed[day - FIRST_DAY] = 1;
  const sessionsUpTo = new Int32Array(closed.length);
  const sessions = new Int32Array(closed.length);
  let count = 0;
  // Runs once per process, before any command's first date check: a typed-array pass, weekday by step.
  for (let offset = 0, weekday = weekdayOf(FIRST_DAY); offset < closed.length; offset++) {
    if (weekday !== 0 && weekday !== 6 && closed[offset] === 0) sessions[count++] = FIRST_DAY + offset;
    sessionsUpTo[offset] = count;
    weekday = weekday === 6 ? 0 : weekday + 1;
  }
  table = { sessions: sessions.slice(0, count), sessionsUpTo };
  return table;
}

function outOfCoverage(what: string): ScrillaError {
  return new ScrillaError(
    "INVALID_INPUT",
    `${what} falls outside the NYSE calendar (${COVERAGE.start} to ${COVERAGE.end}); choose dates inside that range.`,
    { coverage: COVERAGE },
  );
}

function dayOf(date: string): number {
  const day = toDayNumber(date);
  if (day < FIRST_DAY || day > LAST_DAY) throw outOfCoverage(date);
  return day;
}

/** Trading days ≤ day (day may be FIRST_DAY − 1). */
function countUpTo(day: number): number {
  return day < FIRST_DAY ? 0 : (sessionTable().sessionsUpTo[day - FIRST_DAY] as number);
}

function sessionAt(index: number, what: string): string {
  const { sessions } = sessionTable();
  if (index < 0 || index >= sessions.length) throw outOfCoverage(what);
  return fromDayNumber(sessions[index] as number);
}

function isSession(day: number): boolean {
  return countUpTo(day) - countUpTo(day - 1) === 1;
}

function ordered(start: string, end: string): [number, number] {
  const a = dayOf(start);
  const b = dayOf(end);
  return a <= b ? [a, b] : [b, a];
}

/** The NYSE full-closure calendar 1990–2035: weekends, NYSE holidays with observed-day rules, special closures. */
export const NYSE_CALENDAR: TradingCalendar = {
  name: "nyse",
  coverage: COVERAGE,
  isTradingDay: (date) => isSession(dayOf(date)),
  previousTradingDay: (date) => sessionAt(countUpTo(dayOf(date) - 1) - 1, `The trading day before ${date}`),
  nextTradingDay: (date) => sessionAt(countUpTo(dayOf(date)), `The trading day after ${date}`),
  tradingDayOnOrBefore: (date) => sessionAt(countUpTo(dayOf(date)) - 1, `The trading day on or before ${date}`),
  tradingDayOnOrAfter: (date) => sessionAt(countUpTo(dayOf(date) - 1), `The trading day on or after ${date}`),
  addTradingDays(date, sessions) {
    if (!Number.isInteger(sessions)) {
      throw new ScrillaError("INVALID_INPUT", `Trading days to add must be a whole number, got ${sessions}.`, {
        sessions,
      });
    }
    const day = dayOf(date);
    if (sessions === 0) return date;
    const upTo = countUpTo(day);
    // Going back from a non-trading day, the previous session already counts as the first step.
    const index = sessions < 0 && !isSession(day) ? upTo + sessions : upTo - 1 + sessions;
    return sessionAt(index, `${date} ${sessions < 0 ? "minus" : "plus"} ${Math.abs(sessions)} trading days`);
  },
  countTradingDays(start, end) {
    const [a, b] = ordered(start, end);
    return countUpTo(b) - countUpTo(a - 1);
  },
  tradingDaysBetween(start, end) {
    const [a, b] = ordered(start, end);
    return Array.from(sessionTable().sessions.subarray(countUpTo(a - 1), countUpTo(b)), fromDayNumber);
  },
};
