/** Rewrites infra/terraform/<stage>.tf.json from the current code: `pnpm --filter @scrilla/infra snapshot`. */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { snapshotPath, synthesizeSnapshot } from "../src/snapshot.js";
import { STAGES } from "../src/stage.js";

const paths = STAGES.map((stage) => {
  const path = snapshotPath(stage);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, synthesizeSnapshot(stage));
  return path;
});
// Formatted the way the repository's `pnpm lint` expects.
const biome = resolve(import.meta.dirname, "../../node_modules/.bin/biome");
execFileSync(biome, ["format", "--write", ...paths], { stdio: "inherit" });
for (const path of paths) console.log(`wrote ${path}`);
