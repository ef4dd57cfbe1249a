import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's recorded responses: `<repo>/fixtures` (this file sits at `packages/market-data/{src,dist}/testing`). */
export const DEFAULT_FIXTURES_DIR = fileURLToPath(new URL("../../../../fixtures", import.meta.url));
/** Test data this package owns (the hand-written FRED responses): `packages/market-data/fixtures`. */
export const PACKAGE_FIXTURES_DIR = fileURLToPath(new URL("../../fixtures", import.meta.url));

const SAFE_NAME = /^[A-Za-z0-9._^=-]+$/;

/** Reads `<dir>/<...parts>`, or undefined when it does not exist; refuses names that could escape the folder. */
export async function readFixture(dir: string, ...parts: string[]): Promise<string | undefined> {
  if (!parts.every((part) => SAFE_NAME.test(part) && part !== "..")) return undefined;
  try {
    return await readFile(join(dir, ...parts), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
