import type { CommandOptions } from "@scrilla/engine";
import { z } from "zod";

/** Tickers, maturity keys or FRED codes: letters, digits and the few marks symbols use (BRK.B, ^GSPC). */
const symbol = z
  .string({ error: "must be a string such as SPY" })
  .trim()
  .min(1, "must not be empty")
  .max(32, "must be at most 32 characters")
  .regex(/^[A-Za-z0-9._^=-]+$/, "may hold only letters, digits and . _ ^ = -")
  .transform((s) => s.toUpperCase());

/** Bounds one call's work; a Lambda invocation has a timeout and AlphaVantage a rate limit. */
export const MAX_SYMBOLS = 50;

/** The direct-invocation event, also the JSON body of an HTTP POST. */
export const invocationSchema = z.strictObject({
  tickers: z.array(symbol, { error: 'must be a list of symbols, e.g. ["SPY", "GLD"]' }).max(MAX_SYMBOLS).default([]),
  // Checked in detail by the engine's own options schema (parseCommandOptions), shared with the CLI.
  options: z.record(z.string(), z.unknown(), { error: 'must be an object, e.g. {"start": "2024-01-02"}' }).default({}),
});

export type InvocationEnvelope = z.infer<typeof invocationSchema>;

/** A validated call: symbols and the engine's typed options. */
export interface Invocation {
  tickers: string[];
  options: CommandOptions;
}

/** The parts of an API Gateway v2 / Function URL event (payload format 2.0) the handler reads. */
export const httpEventSchema = z.looseObject({
  requestContext: z.looseObject({ http: z.looseObject({ method: z.string() }) }),
  rawQueryString: z.string().optional(),
  queryStringParameters: z.record(z.string(), z.string().optional()).nullish(),
  body: z.string().nullish(),
  isBase64Encoded: z.boolean().optional(),
});

export type HttpEvent = z.infer<typeof httpEventSchema>;

/** An HTTP event is recognised by `requestContext.http`, which direct invocations never carry. */
export function isHttpEvent(event: unknown): boolean {
  if (typeof event !== "object" || event === null) return false;
  const context = (event as { requestContext?: unknown }).requestContext;
  return typeof context === "object" && context !== null && "http" in context;
}
