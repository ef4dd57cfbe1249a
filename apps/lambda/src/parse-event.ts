import { invalidInput } from "@scrilla/core";
import { parseCommandOptions } from "@scrilla/engine";
import type { z } from "zod";
import {
  type HttpEvent,
  httpEventSchema,
  type Invocation,
  type InvocationEnvelope,
  invocationSchema,
  isHttpEvent,
} from "./event-schema.js";
import { assertNoPrototypeKeys } from "./forbidden-keys.js";
import { optionsFromQuery } from "./query-options.js";

export interface ParsedEvent extends Invocation {
  /** Whether the caller came over HTTP (Function URL / API Gateway v2) and wants an HTTP response. */
  http: boolean;
}

const EVENT_HELP =
  'Send {"tickers": ["SPY"], "options": {"start": "2024-01-02"}} directly or as a JSON POST body, or ?tickers=SPY&start=2024-01-02 in the query string.';

/** Turns a direct or HTTP event into tickers and options; bad input throws INVALID_INPUT with what to send. */
export function parseEvent(event: unknown): ParsedEvent {
  const http = isHttpEvent(event);
  if (!http) assertNoPrototypeKeys(event);
  const envelope = http ? parseHttpEvent(event) : validate(invocationSchema, event ?? {}, "event");
  return { tickers: envelope.tickers, options: parseCommandOptions(envelope.options), http };
}

function parseHttpEvent(event: unknown): InvocationEnvelope {
  // Checked before validation: copying the parameter map would drop a "__proto__" key without a trace.
  assertNoPrototypeKeys((event as { queryStringParameters?: unknown }).queryStringParameters, "query");
  const http = validate(httpEventSchema, event, "HTTP event");
  const body = decodeBody(http);
  if (body !== undefined) {
    const parsed = parseJson(body);
    assertNoPrototypeKeys(parsed, "body");
    return validate(invocationSchema, parsed, "body");
  }
  const query = readQuery(http);
  assertNoPrototypeKeys(query, "query");
  return validate(invocationSchema, invocationFromQuery(query), "query string");
}

function decodeBody(http: HttpEvent): string | undefined {
  if (http.body === undefined || http.body === null) return undefined;
  const text = http.isBase64Encoded ? Buffer.from(http.body, "base64").toString("utf8") : http.body;
  return text.trim() === "" ? undefined : text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalidInput(`The request body is not valid JSON. ${EVENT_HELP}`);
  }
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

function invocationFromQuery(query: Record<string, string>): Record<string, unknown> {
  const { tickers, ...options } = query;
  const symbols = tickers === undefined ? [] : tickers.split(",").filter((s) => s.trim() !== "");
  return { tickers: symbols, options: optionsFromQuery(options) };
}

function validate<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  throw invalidInput(`Invalid ${what}: ${where}${describe(issue)}. ${EVENT_HELP}`, {
    path: issue.path.map(String),
  });
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `unknown field(s) ${issue.keys.join(", ")}`;
  return issue.message;
}
