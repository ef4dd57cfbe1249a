import { ScrillaError } from "../errors.js";

/** How a statistic is estimated from a sample (scrilla's `DEFAULT_ESTIMATION_METHOD` keys). */
export const ESTIMATION_METHODS = ["moments", "percentiles", "likelihood"] as const;
export type EstimationMethod = (typeof ESTIMATION_METHODS)[number];

/** Narrows a user-supplied method key; anything else is UNKNOWN_METHOD. */
export function parseEstimationMethod(value: string): EstimationMethod {
  if ((ESTIMATION_METHODS as readonly string[]).includes(value)) return value as EstimationMethod;
  throw unknownEstimationMethod(value);
}

export function unknownEstimationMethod(value: unknown): ScrillaError {
  return new ScrillaError(
    "UNKNOWN_METHOD",
    `unknown estimation method "${String(value)}"; use one of ${ESTIMATION_METHODS.join(", ")}`,
    { method: String(value) },
  );
}
