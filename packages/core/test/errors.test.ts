import { describe, expect, it } from "vitest";
import { isScrillaError, ScrillaError } from "../src/index.js";

describe("ScrillaError", () => {
  it("carries a stable code and serialises to { code, message }", () => {
    const error = new ScrillaError("INVALID_INPUT", "start must be before end");
    expect(isScrillaError(error)).toBe(true);
    expect(error.toJSON()).toEqual({ code: "INVALID_INPUT", message: "start must be before end" });
  });
});
