/**
 * Bundles the handler into dist/index.mjs (entry `index.handler`) and zips it into dist/lambda.zip for
 * infra. The AWS SDK v3 stays external: the Node.js 24 Lambda runtime ships it. Node built-ins stay external;
 * @scrilla/cache loads node:sqlite only when a SQLite cache is opened, so never on Lambda.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { zipBundle } from "./zip-bundle.js";

const root = resolve(import.meta.dirname, "..");
const dist = join(root, "dist");
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const result = await build({
  entryPoints: [join(root, "src", "index.ts")],
  outfile: join(dist, "index.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  external: ["@aws-sdk/*", "@smithy/*"],
  // Some dependencies are CommonJS and call require() for built-ins; give the ES module a require.
  banner: {
    js: 'import { createRequire as __scrillaCreateRequire } from "node:module";\nconst require = __scrillaCreateRequire(import.meta.url);',
  },
  minifySyntax: true,
  minifyWhitespace: true,
  keepNames: true,
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
});
writeFileSync(join(dist, "meta.json"), JSON.stringify(result.metafile));

// HiGHS (the LP solver of @scrilla/core) loads highs.wasm from beside the module that imports it.
const highsWasm = createRequire(join(root, "../../packages/core/package.json")).resolve("highs/runtime");
copyFileSync(highsWasm, join(dist, "highs.wasm"));

const zipPath = join(dist, "lambda.zip");
await zipBundle(zipPath, [
  { name: "index.mjs", data: readFileSync(join(dist, "index.mjs")) },
  { name: "highs.wasm", data: readFileSync(join(dist, "highs.wasm")) },
]);

const kib = (path: string) => `${(statSync(path).size / 1024).toFixed(1)} KiB`;
console.log(`dist/index.mjs ${kib(join(dist, "index.mjs"))}, dist/lambda.zip ${kib(zipPath)}`);
