import { invalidInput } from "@scrilla/core/errors";
import type * as z from "zod/mini";
import { parseCommandOptions } from "../commands/command-options-schema.js";
import { assertNoPrototypeKeys } from "./forbidden-keys.js";
import { type Invocation, invocationSchema, REQUEST_HELP } from "./invocation-schema.js";
import { optionsFromQuery } from "./query-options.js";

/** A request given as JSON (`what` names it in errors: "event", "body"). Bad input throws INVALID_INPUT. */
export function parseInvocation(value: unknown, what: string): Invocation {
  assertNoPrototypeKeys(value, what);
  const envelope = validate(invocationSchema, value ?? {}, what);
  return { tickers: envelope.tickers, options: parseCommandOptions(envelope.options) };
}

/** A request given as a query string: `tickers` comma-separated, every other parameter an option. */
export function parseQueryInvocation(query: Record<string, string>): Invocation {
  assertNoPrototypeKeys(query, "query");
  const { tickers, ...options } = query;
  const symbols = tickers === undefined ? [] : tickers.split(",").filter((s) => s.trim() !== "");
  return parseInvocation({ tickers: symbols, options: optionsFromQuery(options) }, "query string");
}

/** The request body's text as JSON, or INVALID_INPUT saying how to send one. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalidInput(`The request body is not valid JSON. ${REQUEST_HELP}`);
  }
}

/** Parses with a zod schema; the first issue becomes INVALID_INPUT naming the field and how to send a request. */
export function validate<T extends z.ZodMiniType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  throw invalidInput(`Invalid ${what}: ${where}${describe(issue)}. ${REQUEST_HELP}`, {
    path: issue.path.map(String),
  });
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `unknown field(s) ${issue.keys.join(", ")}`;
  return issue.message;
}
