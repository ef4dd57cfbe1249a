import { ScrillaError } from "./light-imports.js";

/** Checks a `YYYY-MM-DD` calendar date (rejects 2021-02-30); returns it unchanged. `source` names it in messages. */
export function parseIsoDate(value: string, source: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new ScrillaError("INVALID_INPUT", `${source} "${value}" is not a date; write it as YYYY-MM-DD.`, { source });
  }
  return value;
}
