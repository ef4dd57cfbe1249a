/**
 * The data path of the built CLI on a synthetic price folder: a cold `correlation` of 100 tickers ×
 * 1,260 days (fresh cache: every file read and parsed) and a warm `risk-profile` of 5 tickers (cache
 * filled: no price file opened), each beside a bare `node -e 0` measured in the same rounds.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchFigure } from "../../../scripts/bench-kit.js";

const TICKERS = 100;
const DAYS = 1_260;

/** Deterministic GBM-like daily bars on weekdays from 2016-01-04, in the common download layout. */
function writePriceFolder(dir: string): { first: string; last: string; tickers: string[] } {
  mkdirSync(dir, { recursive: true });
  let state = 7;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const days: string[] = [];
  for (const day = new Date(Date.UTC(2016, 0, 4)); days.length <= DAYS; day.setUTCDate(day.getUTCDate() + 1)) {
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push(day.toISOString().slice(0, 10));
  }
  const tickers = Array.from({ length: TICKERS }, (_, i) => `T${String(i).padStart(3, "0")}`);
  for (const ticker of [...tickers, "SPY"]) {
    let price = 20 + 100 * next();
    const lines = ["Date,Open,High,Low,Close,Adj Close,Volume"];
    for (const day of days) {
      const open = price;
      price *= Math.exp((next() - 0.5) * 0.04);
      const [high, low] = [Math.max(open, price), Math.min(open, price)];
      lines.push(
        `${day},${open.toFixed(4)},${high.toFixed(4)},${low.toFixed(4)},${price.toFixed(4)},${price.toFixed(4)},${Math.floor(next() * 1e7)}`,
      );
    }
    writeFileSync(join(dir, `${ticker}.csv`), `${lines.join("\n")}\n`);
  }
  return { first: days[1]!, last: days[days.length - 1]!, tickers };
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[samples.length >> 1]!;

function wallMs(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: "utf8", env, maxBuffer: 64 << 20 });
  const elapsed = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return elapsed;
}

export function csvFolderRuns(bin: string): BenchFigure[] {
  const dir = mkdtempSync(join(tmpdir(), "scrilla-cli-csv-bench-"));
  try {
    const { first, last, tickers } = writePriceFolder(join(dir, "prices"));
    const env = (home: string) => ({
      PATH: process.env.PATH,
      HOME: home,
      SCRILLA_HOME: join(home, "scrilla"),
      SQLITE_FILE: join(home, "cache.db"),
      PRICE_MANAGER: "csv",
      PRICE_DIR: join(dir, "prices"),
      RISK_FREE_RATE: "0.04",
      LOG_LEVEL: "none",
    });
    const window = ["--start", first, "--end", last, "-q", "--json"];
    const warmHome = join(dir, "warm");
    const warmArgs = [bin, "risk-profile", ...tickers.slice(0, 5), ...window];
    wallMs(warmArgs, env(warmHome)); // fills the cache
    const cold: number[] = [];
    const warm: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < 5; round++) {
      const coldHome = join(dir, `cold-${round}`);
      cold.push(wallMs([bin, "correlation", ...tickers, ...window], env(coldHome)));
      rmSync(coldHome, { recursive: true, force: true });
      warm.push(wallMs(warmArgs, env(warmHome)));
      bare.push(wallMs(["-e", "0"], env(warmHome)));
    }
    return [
      {
        name: "cli: cold correlation from a CSV folder (wall)",
        value: median(cold),
        unit: "ms",
        size: `${TICKERS} tickers × ${DAYS} days`,
      },
      { name: "cli: warm risk-profile, CSV folder (wall)", value: median(warm), unit: "ms", size: "5 tickers" },
      { name: "cli: node -e 0 in the same rounds", value: median(bare), unit: "ms", size: "1 process" },
      {
        name: "cli: warm risk-profile / node -e 0",
        value: median(warm) / median(bare),
        unit: "×",
        size: "5 tickers",
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
