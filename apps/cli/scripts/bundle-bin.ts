/**
 * Bundles the command line into dist/bundle/ (entry bin.js plus chunks for what commands import lazily)
 * and makes dist/bin.js a one-line entry into it. Loading ~300 separate modules (zod alone is 95) costs
 * a warm run about as much CPU as everything else; one bundle cuts it by ~40 %. Packages that load native
 * code or big optional parts stay external (resolved from node_modules as before): the plotting stack,
 * and the DynamoDB store of @scrilla/cache, which finds the AWS SDK beside it. The rest of @scrilla/cache
 * (SQLite and memory stores, ≈ 20 modules on every run) is bundled.
 */
import { chmodSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build, type PluginBuild } from "esbuild";
import { copyHighsWasm, NODE_BUNDLE_OPTIONS } from "../../../scripts/node-bundle.js";

/** @scrilla/cache loads its DynamoDB store on demand; the bundle loads it from the installed package instead. */
const dynamoDBStoreFromPackage = {
  name: "dynamodb-store-from-package",
  setup(build: PluginBuild) {
    build.onResolve({ filter: /^\.\/dynamodb\/dynamodb-cache-store\.js$/ }, ({ importer }) =>
      /[\\/]cache[\\/]dist[\\/]create-cache-store\.js$/.test(importer)
        ? { path: "@scrilla/cache/dynamodb", external: true }
        : undefined,
    );
  },
};

const root = resolve(import.meta.dirname, "..");
const outdir = join(root, "dist", "bundle");
rmSync(outdir, { recursive: true, force: true });
await build({
  ...NODE_BUNDLE_OPTIONS,
  entryPoints: [join(root, "dist", "bin.js")],
  outdir,
  splitting: true,
  plugins: [...NODE_BUNDLE_OPTIONS.plugins, dynamoDBStoreFromPackage],
  external: ["@scrilla/cache/*", "@resvg/*", "vega", "vega-lite", "@aws-sdk/*", "@smithy/*"],
});
copyHighsWasm(outdir);
const bin = join(root, "dist", "bin.js");
writeFileSync(bin, '#!/usr/bin/env node\nimport "./bundle/bin.js";\n');
chmodSync(bin, 0o755);
