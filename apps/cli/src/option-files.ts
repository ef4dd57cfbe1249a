import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ScrillaError } from "./light-imports.js";

/** Reads a JSON option file (--sectors, --current, --views); the engine's schema then checks its shape. */
export function readJsonOption(path: string, flag: string, example: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(path), "utf8");
  } catch {
    throw new ScrillaError(
      "INVALID_INPUT",
      `${flag} ${path}: cannot read the file; give a JSON file such as ${example}.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ScrillaError("INVALID_INPUT", `${flag} ${path} is not valid JSON; expected e.g. ${example}.`);
  }
}
