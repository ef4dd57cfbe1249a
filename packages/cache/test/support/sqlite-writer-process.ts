/**
 * A second OS process writing the same SQLite file: `<file> <ticker> <batches> <rows per batch> <partner>`.
 * Used by the two-process test; each batch is its own transaction. Halfway through, the writer waits until
 * the partner process has committed a batch too, so the two writers overlap whatever the machine's load.
 */
import { SqliteCacheStore } from "../../src/index.js";
import { syntheticPrices } from "./fixture-prices.js";

const [file, ticker, batches, perBatch, partner] = process.argv.slice(2);
if (!file || !ticker || !batches || !perBatch || !partner)
  throw new Error("usage: <file> <ticker> <batches> <rows per batch> <partner ticker>");
const store = new SqliteCacheStore({ file });
const began = Date.now();
const rows = syntheticPrices(Number(batches) * Number(perBatch), "1950-01-01");
const all = { start: "1900-01-01", end: "2100-12-31" };
for (let b = 0; b < Number(batches); b++) {
  if (b === Math.floor(Number(batches) / 2)) await waitForPartner();
  const batch = rows.slice(b * Number(perBatch), (b + 1) * Number(perBatch));
  await store.putPrices(ticker, batch, { start: batch[0]!.date, end: batch.at(-1)!.date });
  const key = { ticker: "SHARED", startDate: "2020-01-01", endDate: "2020-12-31", method: ticker, weekends: false };
  await store.mergeProfile(key, { annual_return: b + 1 });
}
await store.close();
// The wall-clock span of this writer's transactions, for the test to check that the writers overlapped.
process.stdout.write(JSON.stringify([began, Date.now()]));

async function waitForPartner(): Promise<void> {
  // A budget for a loaded 2-core machine, not an assertion.
  const deadline = Date.now() + 300_000;
  while ((await store.getPrices(partner!, all)).length === 0) {
    if (Date.now() > deadline) throw new Error(`the partner writer ${partner} wrote nothing within 300 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
