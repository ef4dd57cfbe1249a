/**
 * A second OS process writing the same SQLite file: `<file> <ticker> <batches> <rows per batch> [start ms]`.
 * Used by the two-process test; each batch is its own transaction, interleaving with the other writer.
 */
import { SqliteCacheStore } from "../../src/index.js";
import { syntheticPrices } from "./fixture-prices.js";

const [file, ticker, batches, perBatch, startAt] = process.argv.slice(2);
if (!file || !ticker || !batches || !perBatch)
  throw new Error("usage: <file> <ticker> <batches> <rows per batch> [start ms]");
const store = new SqliteCacheStore({ file });
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt ?? 0) - Date.now())));
const began = Date.now();
const rows = syntheticPrices(Number(batches) * Number(perBatch), "1950-01-01");
for (let b = 0; b < Number(batches); b++) {
  const batch = rows.slice(b * Number(perBatch), (b + 1) * Number(perBatch));
  await store.putPrices(ticker, batch, { start: batch[0]!.date, end: batch.at(-1)!.date });
  const key = { ticker: "SHARED", startDate: "2020-01-01", endDate: "2020-12-31", method: ticker, weekends: false };
  await store.mergeProfile(key, { annual_return: b + 1 });
}
await store.close();
// The wall-clock span of this writer's transactions, for the test to check that the writers overlapped.
process.stdout.write(JSON.stringify([began, Date.now()]));
