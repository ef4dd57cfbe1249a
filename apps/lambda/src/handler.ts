import { randomUUID } from "node:crypto";
import { isScrillaError } from "@scrilla/core";
import { type CommandSpec, type CreateEngineOptions, createEngine, type Engine } from "@scrilla/engine";
import { errorResponse } from "@scrilla/engine/api";
import { type ParameterReader, resolveAlphaVantageKey } from "./alpha-vantage-key.js";
import { isHttpEvent } from "./event-schema.js";
import { checkInvocation, functionCommand } from "./function-command.js";
import { httpResponse } from "./http-response.js";
import { createJsonLogger, type JsonLogger } from "./json-logger.js";
import { parseEvent } from "./parse-event.js";

export type EngineFactory = (options: CreateEngineOptions) => Engine | Promise<Engine>;

export interface HandlerOptions {
  /** Environment to configure from; read on the first invocation. Defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Builds the engine once per container; defaults to @scrilla/engine's createEngine. */
  createEngine?: EngineFactory;
  /** Reads the SSM parameter holding the AlphaVantage key; defaults to the AWS SDK's SSM client. */
  readParameter?: ParameterReader;
  logger?: JsonLogger;
  /** "Today" (ISO date) for the engine; defaults to the clock. Pins date-relative answers in tests. */
  today?: string;
}

/** The part of the Lambda context the handler reads. */
export interface InvocationContext {
  awsRequestId?: string;
}

export type LambdaHandler = (event: unknown, context?: InvocationContext) => Promise<unknown>;

/**
 * Lambda's environment: the data lives in DynamoDB tables provisioned by infra (never created here), and the
 * package directory is read-only, so anything scrilla writes goes under /tmp.
 */
export function lambdaEnvironment(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return {
    ...env,
    CACHE_MODE: env.CACHE_MODE || "dynamodb",
    DYNAMO_PROVISION: "never",
    SCRILLA_HOME: env.SCRILLA_HOME || "/tmp/scrilla",
  };
}

/**
 * One handler for every function: `SCRILLA_FUNCTION` picks the command. The engine and the AlphaVantage key
 * are set up once per container, on the first call that passes validation, and reused by later calls.
 */
export function createHandler(options: HandlerOptions = {}): LambdaHandler {
  let setup: { env: Record<string, string | undefined>; logger: JsonLogger } | undefined;
  let command: CommandSpec | undefined;
  let engine: Promise<Engine> | undefined;

  const configure = () => {
    if (setup) return setup;
    const env = lambdaEnvironment(options.env ?? process.env);
    const logger =
      options.logger ?? createJsonLogger({ level: env.LOG_LEVEL, base: { function: env.SCRILLA_FUNCTION ?? null } });
    setup = { env, logger };
    return setup;
  };

  const startEngine = async (env: Record<string, string | undefined>, logger: JsonLogger): Promise<Engine> => {
    const started = performance.now();
    const alphaVantage = await resolveAlphaVantageKey(env, options.readParameter);
    const factory = options.createEngine ?? createEngine;
    const ready = await factory({
      env,
      logger,
      ...(alphaVantage ? { apiKeys: { alphaVantage } } : {}),
      ...(options.today ? { today: options.today } : {}),
    });
    logger.info("engine ready", {
      coldStartMs: Math.round(performance.now() - started),
      alphaVantageKey: alphaVantage ? "set" : "absent",
    });
    return ready;
  };

  return async (event, context) => {
    const started = performance.now();
    const requestId = context?.awsRequestId ?? randomUUID();
    const http = isHttpEvent(event);
    const { env, logger: rootLogger } = configure();
    const logger = rootLogger.child({ requestId });
    try {
      command ??= functionCommand(env);
      const invocation = parseEvent(event);
      checkInvocation(command, invocation);
      engine ??= startEngine(env, rootLogger).catch((error: unknown) => {
        engine = undefined; // a failed start (e.g. SSM throttled) is retried by the next call
        throw error;
      });
      const result = await (await engine).run(command.name, invocation.tickers, invocation.options);
      logger.info("invocation done", {
        command: command.name,
        tickers: invocation.tickers,
        http,
        status: 200,
        durationMs: Math.round(performance.now() - started),
      });
      return http ? httpResponse(200, result) : result;
    } catch (error) {
      const { status, body } = errorResponse(error, requestId);
      const fields = {
        command: command?.name ?? null,
        http,
        status,
        code: body.error.code,
        durationMs: Math.round(performance.now() - started),
        // The stack stays in the function's own logs; the caller only sees code and message.
        ...(isScrillaError(error) ? {} : { stack: error instanceof Error ? error.stack : String(error) }),
      };
      if (status >= 500) logger.error(body.error.message, fields);
      else logger.warn(body.error.message, fields);
      return http ? httpResponse(status, body) : body;
    }
  };
}
