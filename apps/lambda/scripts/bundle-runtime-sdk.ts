/**
 * For the LOCAL stand-in of the Lambda base image only: AWS's Node.js 24 base image ships the AWS SDK v3 in
 * /var/runtime/node_modules (the bundle keeps it external). This writes the three SDK packages the handler
 * imports there, each as one ES module bundled from the versions in this workspace's catalog.
 * Usage: tsx scripts/bundle-runtime-sdk.ts <node_modules dir>
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const PACKAGES = ["@aws-sdk/client-dynamodb", "@aws-sdk/lib-dynamodb", "@aws-sdk/client-ssm"];

const target = process.argv[2];
if (!target) throw new Error("usage: tsx scripts/bundle-runtime-sdk.ts <node_modules dir>");
const appDir = resolve(import.meta.dirname, "..");

for (const name of PACKAGES) {
  const dir = join(resolve(target), name);
  mkdirSync(dir, { recursive: true });
  await build({
    stdin: { contents: `export * from "${name}";`, resolveDir: appDir, loader: "js" },
    outfile: join(dir, "index.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    mainFields: ["module", "main"],
    // lib-dynamodb wraps the client-dynamodb instance the handler passes in: share one copy, as the runtime does.
    external: PACKAGES.filter((other) => other !== name),
    banner: { js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);' },
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  });
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify({ name, type: "module", exports: "./index.mjs" }, null, 2)}\n`,
  );
}
console.log(`bundled ${PACKAGES.join(", ")} into ${target}`);
