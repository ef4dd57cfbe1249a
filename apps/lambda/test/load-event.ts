import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A recorded-shape event from test/events, parsed fresh each time so tests can modify it. */
export function loadEvent(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(import.meta.dirname, "events", `${name}.json`), "utf8")) as Record<
    string,
    unknown
  >;
}
