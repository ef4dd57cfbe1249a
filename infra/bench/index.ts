import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { type BenchFigure, timeMs, timeMsAsync } from "../../scripts/bench-kit.js";
import { SCRILLA_FUNCTIONS } from "../src/function-catalog.js";
import { snapshotProps, synthesizeStack } from "../src/synthesize.js";

const exec = promisify(execFile);
const infraDir = resolve(import.meta.dirname, "..");

const functionsAndRoles = `${SCRILLA_FUNCTIONS.length} functions and roles, 4 tables`;

/** How long `synth` takes: warm in-process, and as `pnpm synth` runs it (a fresh tsx process). */
export async function run(): Promise<BenchFigure[]> {
  const outdir = mkdtempSync(join(tmpdir(), "scrilla-infra-bench-"));
  try {
    const props = snapshotProps("prod");
    let jsonPath = "";
    const warm = timeMs(
      () => {
        jsonPath = synthesizeStack(props, outdir);
      },
      5,
      1,
    );
    const tsx = resolve(infraDir, "node_modules/.bin/tsx");
    const env = { ...process.env, CDKTF_OUTDIR: outdir, SCRILLA_STAGE: "prod" };
    const cold = await timeMsAsync(() => exec(tsx, ["src/main.ts"], { cwd: infraDir, env }), 3, 1);
    return [
      { name: "infra: synth one stage, warm in-process", value: warm, unit: "ms", size: functionsAndRoles },
      { name: "infra: synth one stage, fresh tsx process", value: cold, unit: "ms", size: "deep provider imports" },
      { name: "infra: cdk.tf.json size", value: statSync(jsonPath).size / 1024, unit: "KiB", size: "prod stack" },
    ];
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
