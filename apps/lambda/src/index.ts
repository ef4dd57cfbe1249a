import { createHandler } from "./handler.js";

export {
  type ErrorBody,
  type ErrorResponse,
  errorResponse,
  optionsFromQuery,
  STATUS_BY_CODE,
} from "@scrilla/engine/api";
export { type ParameterReader, resolveAlphaVantageKey, ssmParameterReader } from "./alpha-vantage-key.js";
export type { LambdaRequest, LambdaResult } from "./client-types.js";
export { httpEventSchema, type Invocation, invocationSchema, isHttpEvent, MAX_SYMBOLS } from "./event-schema.js";
export { checkInvocation, functionCommand } from "./function-command.js";
export {
  createHandler,
  type EngineFactory,
  type HandlerOptions,
  type InvocationContext,
  type LambdaHandler,
  lambdaEnvironment,
} from "./handler.js";
export { type HttpResponse, httpResponse } from "./http-response.js";
export { createJsonLogger, type JsonLogger, type JsonLoggerOptions } from "./json-logger.js";
export { type ParsedEvent, parseEvent } from "./parse-event.js";

/** The Lambda entry point (`index.handler`): configured from process.env on its first invocation. */
export const handler = createHandler();
