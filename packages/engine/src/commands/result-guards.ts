import { ScrillaError } from "@scrilla/core";
import type { CommandSpec } from "./command-specs.js";

/** `optimize-portfolio SPY SPY` is one asset, not a portfolio of two: each symbol may appear once. */
export function assertDistinctSymbols(spec: CommandSpec, symbols: readonly string[]): void {
  if (spec.symbols !== "tickers" && spec.symbols !== "maturities") return;
  const seen = new Set<string>();
  for (const symbol of symbols) {
    const key = symbol.trim().toUpperCase();
    if (seen.has(key)) {
      throw new ScrillaError("INVALID_INPUT", `${key} is listed twice; give each symbol once.`, { symbol: key });
    }
    seen.add(key);
  }
}

/**
 * Infinity and NaN never reach the caller: a result holding one means the inputs were beyond what the model can
 * compute (an extreme horizon, amount or price), so the answer is a typed error naming where it happened.
 */
export function assertFiniteResult(command: string, result: unknown): void {
  const bad = firstNonFinite(result, "");
  if (bad === undefined) return;
  throw new ScrillaError(
    "INVALID_INPUT",
    `${command}: ${bad.path || "the result"} would be ${bad.value}; the inputs are beyond what can be computed — use a shorter horizon, a smaller amount or another window.`,
    { path: bad.path },
  );
}

function firstNonFinite(value: unknown, path: string): { path: string; value: number } | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : { path, value };
  if (typeof value !== "object" || value === null) return undefined;
  if (ArrayBuffer.isView(value)) {
    const numbers = value as unknown as ArrayLike<number>;
    for (let i = 0; i < numbers.length; i++) {
      if (!Number.isFinite(numbers[i])) return { path: `${path}[${i}]`, value: numbers[i]! };
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = firstNonFinite(item, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}
