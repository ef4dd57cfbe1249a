/** Test-only helpers shared by the core test files. */
import { expect } from "vitest";
import { ScrillaError } from "../../src/errors.js";

/** The ScrillaError code `run` throws, or undefined when it returns; any other error is rethrown. */
export function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ScrillaError) return error.code;
    throw error;
  }
  return undefined;
}

/** Asserts that `action` throws a ScrillaError with `code`. */
export function expectCode(action: () => unknown, code: string): void {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ScrillaError);
    expect((error as ScrillaError).code).toBe(code);
    return;
  }
  throw new Error(`expected a ScrillaError ${code}`);
}

/** |actual − expected| / |expected|. */
export const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);
