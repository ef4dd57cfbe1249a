import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Stage } from "./stage.js";
import { snapshotProps, synthesizeStack } from "./synthesize.js";

/** The committed, reviewed Terraform JSON of a stage (see infra/README.md). */
export const snapshotPath = (stage: Stage): string => resolve(import.meta.dirname, "../terraform", `${stage}.tf.json`);

/** Synthesizes a stage with the snapshot configuration and returns its Terraform JSON text. */
export function synthesizeSnapshot(stage: Stage): string {
  const outdir = mkdtempSync(join(tmpdir(), "scrilla-snapshot-"));
  try {
    return readFileSync(synthesizeStack(snapshotProps(stage), outdir), "utf8");
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
