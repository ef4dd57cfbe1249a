import { redactSecrets } from "./secrets.js";

/** Stable error codes shared by every scrilla package (DESIGN §3). */
export type ScrillaErrorCode =
  | "INVALID_INPUT"
  | "SAMPLE_TOO_SMALL"
  | "NO_PRICES"
  | "UNALIGNED_SERIES"
  | "UNKNOWN_METHOD"
  | "API_KEY_MISSING"
  | "API_KEY"
  | "RATE_LIMITED"
  | "PROVIDER_ERROR"
  | "INFEASIBLE"
  | "NOT_CONVERGED"
  | "CONFIG"
  | "CACHE_ERROR"
  | "NOT_FOUND";

/** The one error type scrilla throws: a stable `code` and a message that says what to do. */
export class ScrillaError extends Error {
  readonly code: ScrillaErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ScrillaErrorCode, message: string, details?: Record<string, unknown>, options?: ErrorOptions) {
    // Redacted here, once for every path a message can take (CLI, Lambda body, logs).
    super(redactSecrets(message), options);
    this.name = "ScrillaError";
    this.code = code;
    this.details = details;
  }

  toJSON(): { code: ScrillaErrorCode; message: string; details?: Record<string, unknown> } {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export const isScrillaError = (value: unknown): value is ScrillaError => value instanceof ScrillaError;

export const invalidInput = (message: string, details?: Record<string, unknown>): ScrillaError =>
  new ScrillaError("INVALID_INPUT", message, details);
