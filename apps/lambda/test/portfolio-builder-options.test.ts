import { findCommand, RISK_MODEL_CHOICES } from "@scrilla/engine";
import { describe, expect, it } from "vitest";
import { checkInvocation } from "../src/function-command.js";
import { parseEvent } from "../src/parse-event.js";
import { loadEvent } from "./load-event.js";

describe("the portfolio-builder options through the Lambda event schema", () => {
  it("a GET query names them as text; the engine's schema accepts every documented value", () => {
    const event = loadEvent("function-url-get");
    event.queryStringParameters = {
      tickers: "SPY,GLD",
      returns: "log",
      mean: "geometric",
      riskModel: "ledoit-wolf-constant-correlation",
      investment: "10000",
      allocation: "exact",
    };
    const parsed = parseEvent(event);
    expect(parsed.options).toEqual({
      returns: "log",
      mean: "geometric",
      riskModel: "ledoit-wolf-constant-correlation",
      investment: 10_000,
      allocation: "exact",
    });
    expect(() => checkInvocation(findCommand("optimize-portfolio")!, parsed)).not.toThrow();
    for (const riskModel of RISK_MODEL_CHOICES) {
      expect(parseEvent({ tickers: ["SPY"], options: { riskModel } }).options).toEqual({ riskModel });
    }
  });

  it.each([
    [{ riskModel: "ledoit" }, /Option riskModel/],
    [{ mean: 0.1 }, /Option mean/],
    [{ allocation: "best" }, /Option allocation/],
  ])("rejects %j with INVALID_INPUT", (options, message) => {
    expect(() => parseEvent({ tickers: ["SPY", "GLD"], options })).toThrow(message);
  });

  it("commands that do not optimise do not read them", () => {
    const parsed = parseEvent({ tickers: ["SPY"], options: { riskModel: "oas" } });
    expect(() => checkInvocation(findCommand("risk-profile")!, parsed)).toThrow(/does not read option\(s\) riskModel/);
  });
});
