import { invalidInput } from "@scrilla/core/errors";

/** Keys that name JavaScript's object machinery: copied into an object they change its prototype, not a field. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const MAX_DEPTH = 8;

/**
 * Rejects an event (or body, or query) holding a prototype-named key anywhere, or nested deeper than any real
 * request: such a key would otherwise vanish silently when the options are copied, or pollute a prototype.
 */
export function assertNoPrototypeKeys(value: unknown, path = "event", depth = 0): void {
  if (typeof value !== "object" || value === null) return;
  if (depth > MAX_DEPTH)
    throw invalidInput(`${path} is nested more than ${MAX_DEPTH} levels deep; send a flat request.`);
  for (const key of Object.keys(value)) {
    const where = `${path}.${key}`;
    if (PROTOTYPE_KEYS.has(key)) throw invalidInput(`${where}: "${key}" is not an option of scrilla; remove it.`);
    assertNoPrototypeKeys((value as Record<string, unknown>)[key], where, depth + 1);
  }
}
