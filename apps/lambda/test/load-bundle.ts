import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const BUNDLE_DIR = join(import.meta.dirname, "..", "dist");
export const BUNDLE_PATH = join(BUNDLE_DIR, "index.mjs");

/** The BUILT bundle (what Lambda runs), typed by the source it was built from. */
export type Bundle = typeof import("../src/index.js");

export async function loadBundle(): Promise<Bundle> {
  if (!existsSync(BUNDLE_PATH)) {
    throw new Error(
      `${BUNDLE_PATH} is missing: run \`pnpm --filter @scrilla/lambda build\` first (turbo runs it before test).`,
    );
  }
  return (await import(pathToFileURL(BUNDLE_PATH).href)) as Bundle;
}
