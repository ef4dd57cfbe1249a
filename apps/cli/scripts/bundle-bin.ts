/**
 * Bundles the command line into dist/bundle/ (entry bin.js plus chunks for what commands import lazily)
 * and makes dist/bin.js a one-line entry into it. Loading ~300 separate modules (zod alone is 95) costs
 * a warm run about as much CPU as everything else; one bundle cuts it by ~40 %. Packages that load native
 * code or big optional parts stay external (resolved from node_modules as before): the plotting stack,
 * and @scrilla/cache, whose DynamoDB store finds the AWS SDK beside it.
 */
import { chmodSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { copyHighsWasm, NODE_BUNDLE_OPTIONS } from "../../../scripts/node-bundle.js";

const root = resolve(import.meta.dirname, "..");
const outdir = join(root, "dist", "bundle");
rmSync(outdir, { recursive: true, force: true });
await build({
  ...NODE_BUNDLE_OPTIONS,
  entryPoints: [join(root, "dist", "bin.js")],
  outdir,
  splitting: true,
  external: ["@scrilla/cache", "@resvg/*", "vega", "vega-lite", "@aws-sdk/*", "@smithy/*"],
});
copyHighsWasm(outdir);
const bin = join(root, "dist", "bin.js");
writeFileSync(bin, '#!/usr/bin/env node\nimport "./bundle/bin.js";\n');
chmodSync(bin, 0o755);
