import {
  assertNoPrototypeKeys,
  type Invocation,
  parseInvocation,
  parseJsonBody,
  parseQueryInvocation,
  validate,
} from "@scrilla/engine/api";
import { type HttpEvent, httpEventSchema, isHttpEvent } from "./event-schema.js";

export interface ParsedEvent extends Invocation {
  /** Whether the caller came over HTTP (Function URL / API Gateway v2) and wants an HTTP response. */
  http: boolean;
}

/** Turns a direct or HTTP event into tickers and options; bad input throws INVALID_INPUT with what to send. */
export function parseEvent(event: unknown): ParsedEvent {
  const http = isHttpEvent(event);
  return { ...(http ? parseHttpEvent(event) : parseInvocation(event, "event")), http };
}

function parseHttpEvent(event: unknown): Invocation {
  // Checked before validation: copying the parameter map would drop a "__proto__" key without a trace.
  assertNoPrototypeKeys((event as { queryStringParameters?: unknown }).queryStringParameters, "query");
  const http = validate(httpEventSchema, event, "HTTP event");
  const body = decodeBody(http);
  if (body !== undefined) return parseInvocation(parseJsonBody(body), "body");
  return parseQueryInvocation(readQuery(http));
}

function decodeBody(http: HttpEvent): string | undefined {
  if (http.body === undefined || http.body === null) return undefined;
  const text = http.isBase64Encoded ? Buffer.from(http.body, "base64").toString("utf8") : http.body;
  return text.trim() === "" ? undefined : text;
}

/** API Gateway v2 joins repeated parameters with commas; fall back to the raw string when the map is absent. */
function readQuery(http: HttpEvent): Record<string, string> {
  // No prototype: a "__proto__" parameter stays an ordinary key, which assertNoPrototypeKeys then rejects.
  const query: Record<string, string> = Object.create(null);
  if (http.queryStringParameters) {
    for (const [name, value] of Object.entries(http.queryStringParameters)) {
      if (value !== undefined) query[name] = value;
    }
    return query;
  }
  for (const [name, value] of new URLSearchParams(http.rawQueryString ?? "")) {
    query[name] = name in query ? `${query[name]},${value}` : value;
  }
  return query;
}
