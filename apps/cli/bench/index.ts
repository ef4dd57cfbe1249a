import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchFigure, offlineCliEnv, timeMs } from "../../../scripts/bench-kit.js";
import { csvFolderRuns } from "./csv-folder-runs.js";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

function startCli(args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env });
  if (run.status !== 0) throw new Error(`scrilla ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
}

/** Start-up cost of the built CLI (the engine, vega and resvg are imported lazily, so help stays cheap). */
export async function run(): Promise<BenchFigure[]> {
  if (!existsSync(bin)) throw new Error(`${bin} is missing; run pnpm build first.`);
  const dir = mkdtempSync(join(tmpdir(), "scrilla-cli-bench-"));
  try {
    const offline = offlineCliEnv(dir);
    const window = ["--start", "2021-07-14", "--end", "2021-11-19", "-q"];
    const figures: BenchFigure[] = [
      {
        name: "cli: scrilla --help wall time (spawned node process)",
        value: timeMs(() => startCli(["--help"]), 9, 2),
        unit: "ms",
        size: "1 process",
      },
      {
        name: "cli: bare node -e '' start, for comparison",
        value: timeMs(() => spawnSync(process.execPath, ["-e", ""]), 9, 2),
        unit: "ms",
        size: "1 process",
      },
      {
        name: "cli: optimize-portfolio offline, warm SQLite cache (wall)",
        value: timeMs(() => startCli(["optimize-portfolio", "SPY", "GLD", "BX", ...window], offline), 5, 1),
        unit: "ms",
        size: "3 tickers, 92 days",
      },
      {
        name: "cli: plot-efficient-frontier to SVG offline, warm cache (wall)",
        value: timeMs(
          () => startCli(["plot-ef", "SPY", "GLD", "BX", ...window, "--save", join(dir, "ef.svg")], offline),
          5,
          1,
        ),
        unit: "ms",
        size: "3 tickers, 5 points",
      },
    ];
    return [...figures, ...csvFolderRuns(bin)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
