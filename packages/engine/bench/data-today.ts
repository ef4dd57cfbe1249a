import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BenchFigure, timeMsAsync } from "../../../scripts/bench-kit.js";
import { createEngine } from "../src/index.js";

const TICKERS = 100;
const DAYS = 750;

/** A folder of synthetic price files: `tickers` × `days` weekday rows of Date,Open,Close. */
function syntheticFolder(root: string): string {
  const dir = join(root, "prices");
  mkdirSync(dir, { recursive: true });
  for (let t = 0; t < TICKERS; t++) {
    const lines = ["Date,Open,Close"];
    let day = Date.parse("2019-01-01T00:00:00Z");
    for (let i = 0; i < DAYS; day += 86_400_000) {
      const weekday = new Date(day).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const price = 100 + t + Math.sin(i / 10);
      lines.push(`${new Date(day).toISOString().slice(0, 10)},${price.toFixed(2)},${(price + 0.5).toFixed(2)}`);
      i++;
    }
    writeFileSync(join(dir, `T${t}.csv`), `${lines.join("\n")}\n`);
  }
  return dir;
}

/**
 * What "today = the data's last day" costs at engine start on a price folder: every file is read once
 * through the folder's provider. Contender: the same start with today pinned (no scan).
 */
export async function dataTodayFigures(): Promise<BenchFigure[]> {
  const root = mkdtempSync(join(tmpdir(), "scrilla-bench-today-"));
  try {
    const priceDir = syntheticFolder(root);
    const env = { PRICE_MANAGER: "csv", PRICE_DIR: priceDir, SQLITE_FILE: ":memory:", SCRILLA_HOME: root };
    const start = (today?: string) => async () => (await createEngine({ env, ...(today ? { today } : {}) })).close();
    const scanned = await timeMsAsync(start(), 5, 1);
    const pinned = await timeMsAsync(start("2021-11-19"), 5, 1);
    const size = `${TICKERS} CSV files × ${DAYS} days`;
    return [
      { name: "engine start on a price folder, today from the data", value: scanned, unit: "ms", size },
      { name: "engine start on a price folder, today pinned (contender)", value: pinned, unit: "ms", size },
      { name: "today from the data / pinned", value: scanned / pinned, unit: "×", size },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
