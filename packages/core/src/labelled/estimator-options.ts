import { invalidInput } from "../errors.js";

/** 252 trading days; use 365 for crypto sampled every day, 52 for weekly and 12 for monthly data. */
export const DEFAULT_PERIODS_PER_YEAR = 252;

/** The options object itself: absent is `{}`; anything but a plain object is INVALID_INPUT. */
export function optionsObject<T extends object>(options: T | undefined, owner: string): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw invalidInput(`The options of ${owner} must be an object, got ${JSON.stringify(options)}.`);
  }
  return options;
}

/** A finite number satisfying `accept`, or the default when absent; a string or NaN is INVALID_INPUT. */
export function numberOption(
  value: unknown,
  name: string,
  fallback: number,
  accept: (x: number) => boolean = () => true,
  hint = "",
): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || !accept(value)) {
    throw invalidInput(`Option ${name} is ${shown(value)}; ${hint || "pass a finite number"}.`, {
      option: name,
    });
  }
  return value;
}

export function periodsPerYearOption(value: unknown): number {
  return numberOption(
    value,
    "periodsPerYear",
    DEFAULT_PERIODS_PER_YEAR,
    (x) => x > 0,
    "pass a positive number of periods per year (252 daily equities, 365 crypto, 52 weekly, 12 monthly)",
  );
}

/** One of `allowed`, or the default when absent. */
export function choiceOption<T extends string>(value: unknown, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !allowed.includes(value as T)) {
    throw invalidInput(`Option ${name} is ${shown(value)}; use one of ${allowed.join(", ")}.`, {
      option: name,
    });
  }
  return value as T;
}

/** A value as a message shows it: numbers as written (NaN, Infinity), the rest as JSON. */
export function shown(value: unknown): string {
  return typeof value === "number" || value === undefined ? String(value) : JSON.stringify(value);
}
