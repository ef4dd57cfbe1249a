import { readdir } from "node:fs/promises";
import type { PriceProvider } from "@scrilla/market-data";

const PRICE_FILE = /^([A-Za-z0-9.^=_-]+)\.csv$/;

/**
 * The latest day with a price in a PRICE_DIR folder, read through the folder's own provider so the
 * same rules apply (rows without a close do not count). Files the provider refuses are skipped here:
 * the command that uses them reports the problem. Undefined when the folder holds no prices.
 */
export async function latestPriceDate(dir: string, prices: PriceProvider): Promise<string | undefined> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return undefined;
  }
  const tickers = names.flatMap((name) => PRICE_FILE.exec(name)?.[1] ?? []);
  const latest = await Promise.all(
    tickers.map(async (ticker) => {
      try {
        const bars = await prices.fetchDaily(ticker, "equity", { start: "1900-01-01", end: "2999-12-31" });
        return bars.at(-1)?.date;
      } catch {
        return undefined;
      }
    }),
  );
  return latest.reduce<string | undefined>((max, date) => (date && (!max || date > max) ? date : max), undefined);
}
