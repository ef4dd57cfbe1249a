/**
 * What the command line's and the Lambda function's esbuild bundles share: the options of a Node 24
 * ES-module bundle, and the HiGHS WebAssembly binary that must sit beside it.
 */
import { copyFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { builtinModulesPlugin } from "./builtin-modules-plugin.js";

const root = resolve(import.meta.dirname, "..");

/** esbuild options for a Node 24 ES-module bundle (spread into `build({...})`). */
export const NODE_BUNDLE_OPTIONS = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  // Some dependencies are CommonJS and call require() for built-ins; give the ES module a require.
  banner: {
    js: 'const require = process.getBuiltinModule("node:module").createRequire(import.meta.url);',
  },
  minify: true,
  keepNames: true,
  legalComments: "none",
  logLevel: "warning",
  plugins: [builtinModulesPlugin] as (typeof builtinModulesPlugin)[],
} as const;

/**
 * Copies highs.wasm into `outdir`. HiGHS (the LP solver of @scrilla/core) loads it from beside the
 * module that holds its JavaScript, so that module must be emitted into the same folder.
 */
export function copyHighsWasm(outdir: string): string {
  const wasm = createRequire(join(root, "packages", "core", "package.json")).resolve("highs/runtime");
  const target = join(outdir, "highs.wasm");
  copyFileSync(wasm, target);
  return target;
}
