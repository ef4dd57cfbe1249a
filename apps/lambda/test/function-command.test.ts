import { ScrillaError } from "@scrilla/core";
import { findCommand } from "@scrilla/engine";
import { describe, expect, it } from "vitest";
import { checkInvocation, functionCommand } from "../src/function-command.js";

const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScrillaError);
    return (error as ScrillaError).code;
  }
  throw new Error("expected a ScrillaError");
};

describe("functionCommand", () => {
  it("accepts a primary name or an alias of a computing command", () => {
    expect(functionCommand({ SCRILLA_FUNCTION: "risk-profile" }).name).toBe("risk-profile");
    expect(functionCommand({ SCRILLA_FUNCTION: " RP " }).name).toBe("risk-profile");
  });

  it.each([[undefined], [""], ["clear-cache"], ["plot-risk-profile"], ["no-such-command"]])(
    "rejects SCRILLA_FUNCTION=%j as CONFIG",
    (name) => {
      expect(codeOf(() => functionCommand({ SCRILLA_FUNCTION: name }))).toBe("CONFIG");
    },
  );
});

describe("checkInvocation", () => {
  const spec = (name: string) => findCommand(name)!;

  it("passes a call within the command's arity and options", () => {
    expect(() =>
      checkInvocation(spec("correlation"), { tickers: ["ALLY", "BX"], options: { method: "moments" } }),
    ).not.toThrow();
    expect(() => checkInvocation(spec("risk-free"), { tickers: [], options: {} })).not.toThrow();
  });

  it.each([
    ["correlation", { tickers: ["ALLY"], options: {} }, /at least 2/],
    ["correlations", { tickers: ["A", "B", "C"], options: {} }, /exactly 2/],
    ["risk-free", { tickers: ["SPY"], options: {} }, /exactly 0/],
    ["prices", { tickers: ["SPY"], options: { probability: 0.05 } }, /does not read option\(s\) probability/],
    ["var", { tickers: ["SPY"], options: { probability: 0.05 } }, /needs option\(s\) expiry/],
  ])("rejects a bad %s call as INVALID_INPUT", (name, invocation, message) => {
    const run = () => checkInvocation(spec(name), invocation);
    expect(codeOf(run)).toBe("INVALID_INPUT");
    expect(run).toThrow(message);
  });
});
