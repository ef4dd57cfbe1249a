import { type DateRange, isIsoDate, ScrillaError } from "@scrilla/core";

/** A real calendar date written exactly `YYYY-MM-DD` (2021-02-30 is not one), checked without Date objects. */
export { isIsoDate };

/** Throws INVALID_INPUT unless `range` holds two real ISO dates with start ≤ end. */
export function assertDateRange(range: DateRange): void {
  for (const [name, value] of [
    ["start", range.start],
    ["end", range.end],
  ] as const) {
    if (!isIsoDate(value)) {
      throw new ScrillaError("INVALID_INPUT", `The ${name} date "${value}" is not a valid YYYY-MM-DD date.`, {
        [name]: value,
      });
    }
  }
  if (range.start > range.end) {
    throw new ScrillaError(
      "INVALID_INPUT",
      `The start date ${range.start} is after the end date ${range.end}; swap them.`,
      { ...range },
    );
  }
}

/** Inclusive range test on ISO strings (they sort lexicographically), D-32. */
export const isWithin = (date: string, range: DateRange): boolean => date >= range.start && date <= range.end;
