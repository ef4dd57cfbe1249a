import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type BenchFigure, timeMs } from "../../../scripts/bench-kit.js";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

function startCli(args: string[]): void {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`scrilla ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
}

/** Start-up cost of the built CLI (the engine, vega and resvg are imported lazily, so help stays cheap). */
export async function run(): Promise<BenchFigure[]> {
  if (!existsSync(bin)) throw new Error(`${bin} is missing; run pnpm build first.`);
  const baseline = timeMs(() => spawnSync(process.execPath, ["-e", ""]), 9, 2);
  return [
    {
      name: "cli: scrilla --help wall time (spawned node process)",
      value: timeMs(() => startCli(["--help"]), 9, 2),
      unit: "ms",
      size: "1 process",
    },
    {
      name: "cli: scrilla help risk-profile wall time",
      value: timeMs(() => startCli(["help", "risk-profile"]), 9, 2),
      unit: "ms",
      size: "1 process",
    },
    { name: "cli: bare node -e '' start, for comparison", value: baseline, unit: "ms", size: "1 process" },
  ];
}
