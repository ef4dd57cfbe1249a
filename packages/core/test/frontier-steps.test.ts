import { describe, expect, it } from "vitest";
import {
  constrainedEfficientFrontier,
  efficientFrontier,
  portfolioModel,
  type ScrillaError,
  scenarioEfficientFrontier,
} from "../src/index.js";

const model = portfolioModel({
  annualReturns: [0.1, 0.2],
  covariance: [
    [0.04, 0.01],
    [0.01, 0.09],
  ],
});
const rows = Array.from({ length: 30 }, (_, t) => [Math.sin(t) / 40 + 0.003, Math.cos(2 * t) / 60 + 0.001]);

async function rejection(action: () => unknown): Promise<ScrillaError> {
  try {
    await action();
  } catch (error) {
    return error as ScrillaError;
  }
  throw new Error("expected a rejection");
}

describe("frontier steps are checked the same way by every frontier", () => {
  it.each([0, -2, 1.5, Number.NaN])("steps = %s is INVALID_INPUT naming the value", async (steps) => {
    for (const frontier of [
      () => efficientFrontier(model, { steps }),
      () => constrainedEfficientFrontier(model, { steps }),
      () => scenarioEfficientFrontier(rows, "cvar-historical", { steps }),
    ]) {
      const error = await rejection(frontier);
      expect(error.code).toBe("INVALID_INPUT");
      expect(error.message).toBe(`Frontier steps must be a positive integer (e.g. 5), got ${steps}.`);
    }
  });

  it("one step is the minimum-risk portfolio alone; no steps given means five", async () => {
    expect(efficientFrontier(model, { steps: 1 })).toHaveLength(1);
    expect(await constrainedEfficientFrontier(model)).toHaveLength(5);
    expect(await scenarioEfficientFrontier(rows, "cvar-historical")).toHaveLength(5);
  });
});
