import type { CommandSpec, Engine } from "@scrilla/engine";
import {
  checkInvocation,
  type ErrorBody,
  errorResponse,
  type Invocation,
  parseInvocation,
  parseJsonBody,
  parseQueryInvocation,
} from "@scrilla/engine/api";
import { COMMAND_SPECS, findCommand, ScrillaError } from "../light-imports.js";

/** An API request as the HTTP server read it. */
export interface ApiRequest {
  method: string;
  /** The command word after `/api/` (a primary name or alias). */
  command: string;
  query: URLSearchParams;
  body: string;
  requestId: string;
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

/**
 * `/api/<command>`: the Lambda handler's request/response schema (@scrilla/engine/api) over the local engine.
 * GET reads `?tickers=SPY,GLD&start=…`, POST a JSON `{tickers, options}` body; the answer is the command's
 * JSON (what the CLI prints with --json), or `{error: {code, message}}` with the status of its code.
 */
export async function answerApi(engine: () => Promise<Engine>, request: ApiRequest): Promise<ApiAnswer> {
  try {
    const spec = computingCommand(request.command);
    const invocation = readInvocation(request);
    checkInvocation(spec, invocation);
    return { status: 200, body: await (await engine()).run(spec.name, invocation.tickers, invocation.options) };
  } catch (error) {
    const { status, body } = errorResponse(error, request.requestId);
    return { status, body: body satisfies ErrorBody };
  }
}

function computingCommand(word: string): CommandSpec {
  const spec = findCommand(word);
  if (spec?.kind === "compute") return spec;
  const names = COMMAND_SPECS.filter((c) => c.kind === "compute").map((c) => c.name);
  throw new ScrillaError(
    "NOT_FOUND",
    `/api/${word} is not a computing command; use one of /api/${names.join(", /api/")}.`,
  );
}

function readInvocation(request: ApiRequest): Invocation {
  if (request.method === "POST" && request.body.trim() !== "") {
    return parseInvocation(parseJsonBody(request.body), "body");
  }
  if (request.method !== "GET" && request.method !== "POST") {
    throw new ScrillaError("INVALID_INPUT", `${request.method} is not supported; send GET with a query or POST JSON.`);
  }
  // Repeated parameters are joined with commas, as API Gateway v2 and Function URLs do.
  const query: Record<string, string> = {};
  for (const [name, value] of request.query) query[name] = name in query ? `${query[name]},${value}` : value;
  return parseQueryInvocation(query);
}
