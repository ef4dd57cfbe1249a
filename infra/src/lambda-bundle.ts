import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ScrillaError } from "@scrilla/core";

/** The code the zip-packaged functions run: the built bundle, or a synth-time placeholder. */
export type LambdaBundle =
  | { readonly kind: "zip"; readonly path: string }
  | { readonly kind: "placeholder"; readonly directory: string };

/** Where `apps/lambda` writes its esbuild bundle (entry `index.mjs`, handler `index.handler`). */
export const DEFAULT_LAMBDA_BUNDLE_PATH = resolve(import.meta.dirname, "../../apps/lambda/dist/lambda.zip");

const PLACEHOLDER_SOURCE = `// scrilla PLACEHOLDER bundle: apps/lambda/dist/lambda.zip did not exist when the stack was synthesized.
export const handler = async () => ({
  error: {
    type: "PLACEHOLDER_BUNDLE",
    message: "This function runs the synth-time placeholder. Build the Lambda bundle (apps/lambda/dist/lambda.zip) and deploy again.",
  },
});
`;

/**
 * An explicit path must exist (a deploy must never ship the placeholder by accident). Without one, the
 * default bundle is used when it has been built, else the placeholder, so `synth` always works offline.
 */
export function resolveLambdaBundle(explicitPath?: string): LambdaBundle {
  if (explicitPath !== undefined && explicitPath.trim() !== "") {
    const path = resolve(explicitPath);
    if (!existsSync(path) || !statSync(path).isFile()) {
      throw new ScrillaError(
        "CONFIG",
        `SCRILLA_LAMBDA_BUNDLE points to ${path}, which is not a file; build the Lambda bundle first or unset it to synthesize with the placeholder.`,
      );
    }
    return { kind: "zip", path };
  }
  if (existsSync(DEFAULT_LAMBDA_BUNDLE_PATH)) return { kind: "zip", path: DEFAULT_LAMBDA_BUNDLE_PATH };
  return placeholderBundle();
}

/** Writes the placeholder source into a temp folder; identical content gives an identical asset hash. */
export function placeholderBundle(): LambdaBundle {
  const directory = join(tmpdir(), "scrilla-lambda-placeholder");
  mkdirSync(directory, { recursive: true });
  // Write-then-rename so a concurrent synth never hashes a half-written file.
  const staging = join(tmpdir(), `scrilla-lambda-placeholder-${process.pid}-${Date.now()}.mjs`);
  writeFileSync(staging, PLACEHOLDER_SOURCE);
  renameSync(staging, join(directory, "index.mjs"));
  return { kind: "placeholder", directory };
}
