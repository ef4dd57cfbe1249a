import { isScrillaError, type ScrillaErrorCode } from "@scrilla/core";
import { expect } from "vitest";

/** Awaits `promise` and asserts it rejects with a ScrillaError of `code`; returns the message. */
export async function expectScrillaError(promise: Promise<unknown>, code: ScrillaErrorCode): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, `expected a ScrillaError ${code}, but the call succeeded`).toBeDefined();
  expect(isScrillaError(error) ? error.code : error).toBe(code);
  return (error as Error).message;
}
