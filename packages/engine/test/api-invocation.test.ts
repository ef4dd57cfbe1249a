import { describe, expect, it } from "vitest";
import { checkInvocation, MAX_SYMBOLS, parseInvocation, parseQueryInvocation } from "../src/api/index.js";
import { findCommand } from "../src/commands/command-specs.js";

// The JSON API's requests, as both the Lambda handler and `scrilla serve` read them.
const codeOf = (fn: () => unknown): { code?: string; message?: string } => {
  try {
    fn();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("expected a ScrillaError");
};

describe("@scrilla/engine/api requests", () => {
  it("reads a query string: comma-separated tickers upper-cased, numbers and flags typed", () => {
    const invocation = parseQueryInvocation({ tickers: "spy, gld,", start: "2021-07-14", target: "0.3", sharpe: "" });
    expect(invocation).toEqual({
      tickers: ["SPY", "GLD"],
      options: { start: "2021-07-14", target: 0.3, sharpe: true },
    });
  });

  it("reads a JSON body and rejects unknown fields, naming them", () => {
    expect(parseInvocation({ tickers: ["ally"], options: { method: "likelihood" } }, "body")).toEqual({
      tickers: ["ALLY"],
      options: { method: "likelihood" },
    });
    const error = codeOf(() => parseInvocation({ tickers: ["SPY"], ticker: "GLD" }, "body"));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/^Invalid body: unknown field\(s\) ticker\./);
  });

  it(`bounds a request to ${MAX_SYMBOLS} symbols`, () => {
    const tickers = Array.from({ length: MAX_SYMBOLS + 1 }, (_, i) => `T${i}`);
    expect(codeOf(() => parseInvocation({ tickers }, "event")).code).toBe("INVALID_INPUT");
    expect(parseInvocation({ tickers: tickers.slice(1) }, "event").tickers).toHaveLength(MAX_SYMBOLS);
  });

  it("checks arity and the options a command reads before anything is fetched", () => {
    const correlation = findCommand("cor")!;
    expect(codeOf(() => checkInvocation(correlation, { tickers: ["SPY"], options: {} })).message).toContain(
      "at least 2",
    );
    expect(
      codeOf(() => checkInvocation(correlation, { tickers: ["SPY", "GLD"], options: { target: 0.1 } })).message,
    ).toContain("does not read option(s) target");
    expect(() =>
      checkInvocation(correlation, { tickers: ["SPY", "GLD"], options: { start: "2021-07-14" } }),
    ).not.toThrow();
  });

  it("takes --cost-rate as one number (query string or body) or rates by ticker, never negative", () => {
    expect(parseQueryInvocation({ tickers: "SPY,GLD", costRate: "0.001" }).options).toEqual({ costRate: 0.001 });
    const byTicker = { tickers: ["SPY", "GLD"], options: { costRate: { SPY: 0.0005, GLD: 0.002 } } };
    expect(parseInvocation(byTicker, "body").options).toEqual(byTicker.options);
    const negative = codeOf(() => parseInvocation({ tickers: ["SPY"], options: { costRate: -0.01 } }, "body"));
    expect(negative.code).toBe("INVALID_INPUT");
    expect(negative.message).toContain("costRate");
    const optimise = findCommand("opt")!;
    expect(() =>
      checkInvocation(optimise, { tickers: ["SPY", "GLD"], options: { costRate: 0.001, currentWeights: { SPY: 1 } } }),
    ).not.toThrow();
  });
});
