import { isScrillaError, type ScrillaErrorCode } from "@scrilla/core/errors";

/** The body of every failed call, HTTP or direct. */
export interface ErrorBody {
  error: { code: ScrillaErrorCode | "INTERNAL"; message: string };
}

/**
 * HTTP status per error code. A Record over the union, so a new code fails the typecheck until it is mapped.
 * 4xx: the caller can fix the request. 502/503: the data provider failed or throttled. 500: this deployment.
 */
export const STATUS_BY_CODE: Readonly<Record<ScrillaErrorCode, number>> = {
  INVALID_INPUT: 400,
  SAMPLE_TOO_SMALL: 400,
  NO_PRICES: 400,
  UNALIGNED_SERIES: 400,
  UNKNOWN_METHOD: 400,
  NOT_FOUND: 404,
  INFEASIBLE: 422,
  NOT_CONVERGED: 422,
  RATE_LIMITED: 503,
  PROVIDER_ERROR: 502,
  API_KEY_MISSING: 500,
  API_KEY: 500,
  CONFIG: 500,
  CACHE_ERROR: 500,
};

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
}

/**
 * What the caller sees of an error: its stable code and message, never a stack. Errors that are not
 * ScrillaErrors are bugs; their text may hold internals, so the caller gets the request id to quote instead.
 */
export function errorResponse(error: unknown, requestId: string): ErrorResponse {
  if (isScrillaError(error)) {
    return { status: STATUS_BY_CODE[error.code], body: { error: { code: error.code, message: error.message } } };
  }
  return {
    status: 500,
    body: {
      error: {
        code: "INTERNAL",
        message: `Internal error; nothing was wrong with the request. Retry, or report request id ${requestId}.`,
      },
    },
  };
}
