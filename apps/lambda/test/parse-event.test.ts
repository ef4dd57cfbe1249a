import { ScrillaError } from "@scrilla/core";
import { describe, expect, it } from "vitest";
import { parseEvent } from "../src/parse-event.js";
import { loadEvent } from "./load-event.js";

function parseError(event: unknown): ScrillaError {
  try {
    parseEvent(event);
  } catch (error) {
    expect(error).toBeInstanceOf(ScrillaError);
    return error as ScrillaError;
  }
  throw new Error(`expected ${JSON.stringify(event)} to be rejected`);
}

describe("parseEvent: direct invocation", () => {
  it("reads tickers (upper-cased, trimmed) and typed options", () => {
    const parsed = parseEvent({
      tickers: [" ally", "BX"],
      options: { start: "2021-07-14", end: "2021-11-19", method: "percentiles", probability: 0.05, expiry: 0.5 },
    });
    expect(parsed).toEqual({
      http: false,
      tickers: ["ALLY", "BX"],
      options: { start: "2021-07-14", end: "2021-11-19", method: "percentiles", probability: 0.05, expiry: 0.5 },
    });
  });

  it("defaults missing tickers and options to empty (risk-free, yield-curve take none)", () => {
    expect(parseEvent({})).toEqual({ http: false, tickers: [], options: {} });
    expect(parseEvent(undefined)).toEqual({ http: false, tickers: [], options: {} });
  });

  it.each([
    [{ tickers: "SPY" }, /tickers/],
    [{ tickers: ["SPY"], command: "risk-profile" }, /unknown field\(s\) command/],
    [{ tickers: ["SPY"], options: "start=2021-07-14" }, /options: must be an object/],
    [{ tickers: ["SPY; DROP TABLE"] }, /tickers\.0: may hold only letters/],
    [{ tickers: [""] }, /tickers\.0: must not be empty/],
    [{ tickers: Array.from({ length: 51 }, (_, i) => `T${i}`) }, /tickers/],
    ["risk-profile SPY", /event/],
  ])("rejects the envelope %j with INVALID_INPUT and what to send", (event, message) => {
    const error = parseError(event);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(message);
    expect(error.message).toContain('{"tickers": ["SPY"]');
  });

  it.each([
    [{ start: "14/07/2021" }, /Option start must be a date YYYY-MM-DD/],
    [{ probability: 1.5 }, /Option probability must lie strictly between 0 and 1/],
    [{ method: "likely" }, /Option method/],
    [{ steps: 2.5 }, /Option steps/],
    [{ strat: "2021-07-14" }, /Option strat is not an option of scrilla/],
    [{ start: "2021-11-19", end: "2021-07-14" }, /after --end 2021-07-14; swap them/],
  ])("rejects the options %j with the engine's INVALID_INPUT message", (options, message) => {
    const error = parseError({ tickers: ["SPY"], options });
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(message);
  });
});

describe("parseEvent: HTTP events (payload format 2.0)", () => {
  it("reads a Function URL GET query string, numbers and flags typed", () => {
    expect(parseEvent(loadEvent("function-url-get"))).toEqual({
      http: true,
      tickers: ["ALLY", "BX"],
      options: { start: "2021-07-14", end: "2021-11-19", method: "moments" },
    });
    const event = loadEvent("function-url-get");
    event.queryStringParameters = { tickers: "ALLY,BX", probability: "0.05", expiry: "0.5", sharpe: "" };
    expect(parseEvent(event).options).toEqual({ probability: 0.05, expiry: 0.5, sharpe: true });
  });

  it("falls back to rawQueryString (repeated parameters) when the map is absent", () => {
    const event = loadEvent("function-url-get");
    delete event.queryStringParameters;
    event.rawQueryString = "tickers=SPY&tickers=gld&steps=7";
    expect(parseEvent(event)).toEqual({ http: true, tickers: ["SPY", "GLD"], options: { steps: 7 } });
  });

  it("reads an API Gateway v2 POST JSON body", () => {
    expect(parseEvent(loadEvent("api-gateway-v2-post-json"))).toEqual({
      http: true,
      tickers: ["ALLY"],
      options: { start: "2021-07-14", end: "2021-11-19", method: "likelihood" },
    });
  });

  it("decodes a base64 body", () => {
    expect(parseEvent(loadEvent("api-gateway-v2-post-base64"))).toEqual({
      http: true,
      tickers: ["ALLY", "SPY"],
      options: { start: "2021-07-14", end: "2021-11-19" },
    });
  });

  it.each([
    ["a body that is not JSON", { body: "tickers=SPY" }, /body is not valid JSON/],
    ["a query number that is not a number", { queryStringParameters: { probability: "five" } }, /probability/],
    [
      "an unknown query parameter",
      { queryStringParameters: { tickers: "SPY", strat: "2021" } },
      /Option strat is not an option of scrilla/,
    ],
    [
      "a flag that is not a boolean",
      { queryStringParameters: { sharpe: "maybe" } },
      /Option sharpe .*expected boolean/,
    ],
    [
      "a base64 body of bad JSON",
      { body: Buffer.from("{").toString("base64"), isBase64Encoded: true },
      /not valid JSON/,
    ],
  ])("rejects %s", (_, change, message) => {
    const event = { ...loadEvent("api-gateway-v2-post-json"), body: undefined, ...change };
    const error = parseError(event);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(message);
  });
});
