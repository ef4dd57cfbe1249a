import * as z from "zod/mini";
import "../config/zod-messages.js";
import type { CommandOptions } from "../engine-types.js";

/** Tickers, maturity keys or FRED codes: letters, digits and the few marks symbols use (BRK.B, ^GSPC). */
const symbol = z
  .string({ error: "must be a string such as SPY" })
  .check(
    z.trim(),
    z.minLength(1, "must not be empty"),
    z.maxLength(32, "must be at most 32 characters"),
    z.regex(/^[A-Za-z0-9._^=-]+$/, "may hold only letters, digits and . _ ^ = -"),
    z.toUpperCase(),
  );

/** Bounds one call's work; a Lambda invocation has a timeout and AlphaVantage a rate limit. */
export const MAX_SYMBOLS = 50;

/**
 * One request of the JSON API, whoever serves it (a Lambda function, `scrilla serve`): the direct-invocation
 * event, the JSON body of an HTTP POST, or the query string `?tickers=SPY,GLD&start=…`.
 */
export const invocationSchema = z.strictObject({
  tickers: z._default(
    z.array(symbol, { error: 'must be a list of symbols, e.g. ["SPY", "GLD"]' }).check(z.maxLength(MAX_SYMBOLS)),
    [],
  ),
  // Checked in detail by the engine's own options schema (parseCommandOptions), shared with the CLI.
  options: z._default(
    z.record(z.string(), z.unknown(), { error: 'must be an object, e.g. {"start": "2024-01-02"}' }),
    {},
  ),
});

export type InvocationEnvelope = z.output<typeof invocationSchema>;

/** A validated call: symbols and the engine's typed options. */
export interface Invocation {
  tickers: string[];
  options: CommandOptions;
}

/** What every request error ends with: how to send a request that works. */
export const REQUEST_HELP =
  'Send {"tickers": ["SPY"], "options": {"start": "2024-01-02"}} directly or as a JSON POST body, or ?tickers=SPY&start=2024-01-02 in the query string.';
