/**
 * Bundles the handler into dist/ (entry dist/index.mjs, `index.handler`; chunks beside it for what is
 * imported lazily: HiGHS, the DynamoDB store) and zips the folder into dist/lambda.zip for infra. Split,
 * because esbuild hoists a lazily imported module's external imports into a single file's head: the AWS
 * SDK and HiGHS would load at every cold start. The AWS SDK v3 stays external: the Node.js 24 Lambda
 * runtime ships it. @scrilla/cache loads node:sqlite only when a SQLite cache is opened, so never on Lambda.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { copyHighsWasm, NODE_BUNDLE_OPTIONS } from "../../../scripts/node-bundle.js";
import { zipBundle } from "./zip-bundle.js";

const root = resolve(import.meta.dirname, "..");
const dist = join(root, "dist");
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const result = await build({
  ...NODE_BUNDLE_OPTIONS,
  entryPoints: { index: join(root, "src", "index.ts") },
  outdir: dist,
  splitting: true,
  outExtension: { ".js": ".mjs" },
  external: ["@aws-sdk/*", "@smithy/*"],
  minifyWhitespace: true,
  metafile: true,
});
writeFileSync(join(dist, "meta.json"), JSON.stringify(result.metafile));
copyHighsWasm(dist);

// What the function needs at run time: every module of the bundle and highs.wasm (sorted: a stable zip).
const files = readdirSync(dist)
  .filter((name) => name.endsWith(".mjs") || name === "highs.wasm")
  .sort();
const zipPath = join(dist, "lambda.zip");
await zipBundle(
  zipPath,
  files.map((name) => ({ name, data: readFileSync(join(dist, name)) })),
);

const kib = (path: string) => `${(statSync(path).size / 1024).toFixed(1)} KiB`;
console.log(
  `dist/index.mjs ${kib(join(dist, "index.mjs"))} (+ ${files.length - 2} chunks), dist/lambda.zip ${kib(zipPath)}`,
);
