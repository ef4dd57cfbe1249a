import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCacheStore } from "@scrilla/cache";

// CACHE_MODE=sqlite with SQLITE_FILE pointing into a temporary directory (default: defaultSqliteFile()).
const sqliteFile = join(mkdtempSync(join(tmpdir(), "scrilla-example-")), "scrilla.db");
const cache = await createCacheStore({ mode: "sqlite", sqliteFile, memory: { maxEntries: 100 } });

const covered = { start: "2021-10-18", end: "2021-10-22" };
await cache.putPrices(
  "ALLY",
  [
    { date: "2021-10-22", open: 50.08, close: 50.7 },
    { date: "2021-10-21", open: 49.3, close: 49.82 },
  ],
  covered, // remembered, so the engine will not ask the provider for this week again
);
const prices = await cache.getPrices("ALLY", { start: "2021-10-21", end: "2021-10-22" });
console.log(prices.map((row) => `${row.date} ${row.close}`).join(", "));

const profile = { ticker: "ALLY", startDate: "2021-07-14", endDate: "2021-11-19", method: "moments", weekends: false };
await cache.mergeProfile(profile, { annual_return: 0.21 });
console.log(await cache.mergeProfile(profile, { sharpe_ratio: 0.6 })); // merged, not replaced

await cache.putCorrelation({ ...profile, ticker1: "SPY", ticker2: "ALLY" }, 0.52);
console.log(await cache.getCorrelation({ ...profile, ticker1: "ALLY", ticker2: "SPY" })); // one row per pair
console.log(await cache.getFetchedRanges("prices", "ALLY"));
await cache.close();
