import { invalidInput } from "../errors.js";

/** The number of frontier portfolios asked for (default 5), or INVALID_INPUT when it is not a positive integer. */
export function frontierSteps(steps: number | undefined): number {
  const value = steps ?? 5;
  if (!Number.isInteger(value) || value < 1) {
    throw invalidInput(`Frontier steps must be a positive integer (e.g. 5), got ${value}.`);
  }
  return value;
}

/**
 * The target return of frontier point i, low + i·(high − low)/intervals, landing exactly on `high` at
 * i = intervals (no rounding short of the maximum return).
 */
export function frontierTarget(low: number, high: number, i: number, intervals: number): number {
  return i === intervals ? high : low + (i * (high - low)) / intervals;
}
