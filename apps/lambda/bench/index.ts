import { execFile } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { type BenchFigure, timeMsAsync } from "../../../scripts/bench-kit.js";

const dist = join(import.meta.dirname, "..", "dist");
const exec = promisify(execFile);

/** Bundle size and the cold-start share the bundle adds: a fresh Node process importing dist/index.mjs. */
export async function run(): Promise<BenchFigure[]> {
  const bundle = join(dist, "index.mjs");
  const importBundle = `await import(${JSON.stringify(pathToFileURL(bundle).href)});`;
  const nodeAlone = await timeMsAsync(() => exec(process.execPath, ["--input-type=module", "-e", ""]));
  const nodeWithBundle = await timeMsAsync(() => exec(process.execPath, ["--input-type=module", "-e", importBundle]));
  const kib = (path: string) => statSync(path).size / 1024;
  return [
    { name: "lambda: dist/index.mjs size", value: kib(bundle), unit: "KiB", size: "esbuild, AWS SDK external" },
    { name: "lambda: dist/lambda.zip size", value: kib(join(dist, "lambda.zip")), unit: "KiB", size: "index.mjs" },
    {
      name: "lambda: bundle import on a fresh Node process",
      value: nodeWithBundle - nodeAlone,
      unit: "ms",
      size: `over ${nodeAlone.toFixed(0)} ms node start`,
    },
  ];
}
