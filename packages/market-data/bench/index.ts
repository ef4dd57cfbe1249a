import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type BenchFigure, timeMs, timeMsAsync } from "../../../scripts/bench-kit.js";
import { CsvFolderPriceProvider, createMarketData, parseYieldCurveXml } from "../src/index.js";
import { DEFAULT_FIXTURES_DIR, startFixtureServer } from "../src/testing/index.js";
import { parseYieldCurveFeed } from "../src/treasury-xml.js";
import { tempDir } from "../test/support.js";

/** Provider throughput over loopback HTTP against the recorded fixtures (no network beyond 127.0.0.1). */
export async function run(): Promise<BenchFigure[]> {
  const server = await startFixtureServer();
  try {
    const market = createMarketData({
      urls: server.urls,
      env: { ALPHA_VANTAGE_KEY: "bench", FRED_KEY: "bench" },
      alphaVantage: { minIntervalMs: 0 },
      treasury: { minIntervalMs: 0 },
    });
    const fullRange = { start: "1999-01-01", end: "2021-12-31" };
    const spyBars = (await market.prices.fetchDaily("SPY", "equity", fullRange)).length;
    const xml = await readFile(join(DEFAULT_FIXTURES_DIR, "treasury", "daily_treasury_yield_curve.xml"), "utf8");

    const year = { start: "2021-01-01", end: "2021-12-31" };
    const yearDays = (await market.yieldCurve.fetchYieldCurve(year)).length;
    const entries = (await parseYieldCurveXml(xml)).length;

    const csvDir = await tempDir("bench");
    const rows = (await market.prices.fetchDaily("SPY", "equity", fullRange)).map(
      (bar) => `${bar.date},${bar.open},${bar.close + 1},${bar.close - 1},${bar.close},${bar.close},1000`,
    );
    await writeFile(join(csvDir, "SPY.csv"), `Date,Open,High,Low,Close,Adj Close,Volume\n${rows.join("\n")}\n`);
    const csv = new CsvFolderPriceProvider({ dir: csvDir });

    return [
      {
        name: "market-data: AlphaVantage full daily history over loopback HTTP",
        value: await timeMsAsync(() => market.prices.fetchDaily("SPY", "equity", fullRange)),
        unit: "ms",
        size: `${spyBars} bars`,
      },
      {
        name: "market-data: Treasury yield curve for one year over loopback HTTP",
        value: await timeMsAsync(() => market.yieldCurve.fetchYieldCurve(year)),
        unit: "ms",
        size: `1 request, ${yearDays} days`,
      },
      {
        name: "market-data: parse Treasury Atom XML",
        value: timeMs(() => parseYieldCurveFeed(xml)),
        unit: "ms",
        size: `${entries} entries, ${Math.round(xml.length / 1024)} KiB`,
      },
      {
        name: "market-data: read a CSV price file",
        value: await timeMsAsync(() => csv.fetchDaily("SPY", "equity", fullRange)),
        unit: "ms",
        size: `${spyBars} rows`,
      },
    ];
  } finally {
    await server.close();
  }
}
