/**
 * Bundles the command line into dist/bundle/ (entry bin.js plus chunks for what commands import lazily)
 * and makes dist/bin.js a one-line entry into it. Loading ~300 separate modules (zod alone is 95) costs
 * a warm run about as much CPU as everything else; one bundle cuts it by ~40 %. Packages that load native
 * code or big optional parts stay external (resolved from node_modules as before): the plotting stack,
 * and @scrilla/cache, whose DynamoDB store finds the AWS SDK beside it.
 */
import { chmodSync, copyFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const outdir = join(root, "dist", "bundle");
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, "dist", "bin.js")],
  outdir,
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node24",
  external: ["@scrilla/cache", "@resvg/*", "vega", "vega-lite", "@aws-sdk/*", "@smithy/*"],
  // Some dependencies are CommonJS and call require() for built-ins; give the ES module a require.
  banner: {
    js: 'import { createRequire as __scrillaCreateRequire } from "node:module";\nconst require = __scrillaCreateRequire(import.meta.url);',
  },
  minifySyntax: true,
  keepNames: true,
  legalComments: "none",
  logLevel: "warning",
});
// HiGHS (the LP solver of @scrilla/core, bundled here) loads highs.wasm from beside the module that imports it.
const highsWasm = createRequire(join(root, "../../packages/core/package.json")).resolve("highs/runtime");
copyFileSync(highsWasm, join(outdir, "highs.wasm"));
const bin = join(root, "dist", "bin.js");
writeFileSync(bin, '#!/usr/bin/env node\nimport "./bundle/bin.js";\n');
chmodSync(bin, 0o755);
