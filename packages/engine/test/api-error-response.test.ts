import { ScrillaError, type ScrillaErrorCode } from "@scrilla/core";
import { describe, expect, it } from "vitest";
import { errorResponse, STATUS_BY_CODE } from "../src/api/error-response.js";

describe("errorResponse", () => {
  it.each<[ScrillaErrorCode, number]>([
    ["INVALID_INPUT", 400],
    ["SAMPLE_TOO_SMALL", 400],
    ["NO_PRICES", 400],
    ["UNKNOWN_METHOD", 400],
    ["NOT_FOUND", 404],
    ["INFEASIBLE", 422],
    ["RATE_LIMITED", 503],
    ["PROVIDER_ERROR", 502],
    ["API_KEY_MISSING", 500],
    ["CONFIG", 500],
    ["CACHE_ERROR", 500],
  ])("maps %s to HTTP %i with code and message only", (code, status) => {
    const error = new ScrillaError(code, `what to do about ${code}`, { secret: "not for callers" });
    const response = errorResponse(error, "req-1");
    expect(response).toEqual({ status, body: { error: { code, message: `what to do about ${code}` } } });
  });

  it("maps every code to a 4xx or 5xx status", () => {
    for (const status of Object.values(STATUS_BY_CODE)) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
  });

  it("hides the text and stack of unexpected errors behind the request id", () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'close') at /var/task/index.mjs:1:2");
    const response = errorResponse(bug, "req-42");
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe("INTERNAL");
    expect(response.body.error.message).toContain("req-42");
    expect(JSON.stringify(response)).not.toMatch(/index\.mjs|TypeError|reading/);
  });
});
