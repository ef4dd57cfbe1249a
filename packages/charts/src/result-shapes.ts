import { ScrillaError } from "@scrilla/core/errors";

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `[key, number]` pairs of a `{key: number}` result (nulls dropped), in key order. */
export function numericEntries(result: unknown): [string, number][] {
  if (!isRecord(result)) throw unexpected(result);
  return Object.entries(result).filter((entry): entry is [string, number] => typeof entry[1] === "number");
}

/** The `{key: {field: number}}` result as an object of objects. */
export function nestedRecords(result: unknown): Record<string, Record<string, unknown>> {
  if (!isRecord(result) || !Object.values(result).every(isRecord)) throw unexpected(result);
  return result as Record<string, Record<string, unknown>>;
}

export const unexpected = (result: unknown) =>
  new ScrillaError(
    "PROVIDER_ERROR",
    `the engine returned an unexpected result shape (${JSON.stringify(result)?.slice(0, 80)}); please report it.`,
  );
