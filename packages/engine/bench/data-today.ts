import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CsvFolderPriceProvider } from "@scrilla/market-data";
import { type BenchFigure, timeMsAsync } from "../../../scripts/bench-kit.js";
import { latestPriceDate } from "../src/data/latest-price-date.js";

const TICKERS = 100;
const DAYS = 750;
const EVER = { start: "1900-01-01", end: "2999-12-31" };

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
 * What "today = the data's last day" costs at each engine start on a price folder: the Date/Close scan
 * of every file, against the contender of reading every file through the folder's price provider.
 */
export async function dataTodayFigures(): Promise<BenchFigure[]> {
  const root = mkdtempSync(join(tmpdir(), "scrilla-bench-today-"));
  try {
    const dir = syntheticFolder(root);
    const provider = new CsvFolderPriceProvider({ dir });
    const scan = await timeMsAsync(() => latestPriceDate(dir, provider), 5, 1);
    const viaProvider = await timeMsAsync(
      () =>
        Promise.all(
          readdirSync(dir).map(
            async (name) => (await provider.fetchDaily(name.slice(0, -4), "equity", EVER)).at(-1)?.date,
          ),
        ),
      5,
      1,
    );
    const size = `${TICKERS} CSV files × ${DAYS} days`;
    return [
      { name: "today from a price folder: Date/Close scan", value: scan, unit: "ms", size },
      {
        name: "today from a price folder: every file via the provider (contender)",
        value: viaProvider,
        unit: "ms",
        size,
      },
      { name: "today from a price folder: provider / scan", value: viaProvider / scan, unit: "×", size },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
