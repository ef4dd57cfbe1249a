/**
 * The JSON API's one request/response schema, shared by the Lambda handler and `scrilla serve`: requests
 * are `{tickers, options}` (or a query string), answers are the command's JSON or `{error: {code, message}}`
 * with the status of STATUS_BY_CODE.
 */
export { checkInvocation } from "./check-invocation.js";
export { type ErrorBody, type ErrorResponse, errorResponse, STATUS_BY_CODE } from "./error-response.js";
export { assertNoPrototypeKeys } from "./forbidden-keys.js";
export {
  type Invocation,
  type InvocationEnvelope,
  invocationSchema,
  MAX_SYMBOLS,
  REQUEST_HELP,
} from "./invocation-schema.js";
export { parseInvocation, parseJsonBody, parseQueryInvocation, validate } from "./parse-invocation.js";
export { optionsFromQuery } from "./query-options.js";
