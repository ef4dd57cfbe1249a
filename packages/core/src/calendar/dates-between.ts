import { fromDayNumber, toDayNumber } from "./iso-date.js";

/** Every calendar date of the inclusive range, ascending (the ends may come in either order). */
export function datesBetween(start: string, end: string): string[] {
  const a = toDayNumber(start);
  const b = toDayNumber(end);
  const [from, to] = a <= b ? [a, b] : [b, a];
  return Array.from({ length: to - from + 1 }, (_, i) => fromDayNumber(from + i));
}

/** Number of calendar dates in the inclusive range (1 when start equals end). */
export function daysBetween(start: string, end: string): number {
  return Math.abs(toDayNumber(end) - toDayNumber(start)) + 1;
}
