import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFixtureServer } from "@scrilla/market-data/testing";
import { type BenchFigure, timeMsAsync } from "../../../scripts/bench-kit.js";
import { createEngine } from "../src/index.js";
import { dataTodayFigures } from "./data-today.js";

const WINDOW = { start: "2021-07-14", end: "2021-11-19" };
const TICKERS = ["ALLY", "BX", "SPY", "DIS", "GLD"];

/** End-to-end engine timings against the loopback fixture server (recorded responses, 127.0.0.1). */
export async function run(): Promise<BenchFigure[]> {
  const server = await startFixtureServer();
  const dir = mkdtempSync(join(tmpdir(), "scrilla-engine-bench-"));
  let file = 0;
  const open = () =>
    createEngine({
      today: "2021-11-19",
      env: {
        ALPHA_VANTAGE_KEY: "bench",
        ALPHA_VANTAGE_URL: server.urls.alphaVantage,
        ALPHA_VANTAGE_CRYPTO_META_URL: server.urls.alphaVantageCryptoMeta,
        TREASURY_URL: server.urls.treasury,
        ALPHA_VANTAGE_MIN_INTERVAL_MS: "0",
        SQLITE_FILE: join(dir, `cache-${file++}.db`),
        SCRILLA_HOME: join(dir, "home"),
      },
    });
  try {
    const cold = await timeMsAsync(
      async () => {
        const engine = await open();
        await engine.run("optimize-portfolio", TICKERS, WINDOW);
        await engine.close();
      },
      3,
      1,
    );
    const engine = await open();
    await engine.run("optimize-portfolio", TICKERS, WINDOW);
    const warm = await timeMsAsync(() => engine.run("optimize-portfolio", TICKERS, WINDOW), 20, 3);
    const profiles = await timeMsAsync(() => engine.run("risk-profile", TICKERS, WINDOW), 20, 3);
    await engine.close();
    const size = "5 equities × 92 days (loopback fixtures, SQLite)";
    return [
      { name: "engine optimize-portfolio, cold (fetch + cache)", value: cold, unit: "ms", size },
      { name: "engine optimize-portfolio, warm cache", value: warm, unit: "ms", size },
      { name: "engine risk-profile, warm cache", value: profiles, unit: "ms", size },
      ...(await dataTodayFigures()),
    ];
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
