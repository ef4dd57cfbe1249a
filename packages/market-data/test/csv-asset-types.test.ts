import { readFile, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CsvAssetTypeResolver, CsvFolderPriceProvider, type PriceProvider } from "../src/index.js";
import { tempDir } from "./support.js";

const HEADER = "Date,Open,High,Low,Close,Adj Close,Volume";

/** `count` rows from 2020-01-06 (a Monday), every calendar day or weekdays only, newest first if asked. */
function priceFile(count: number, everyDay: boolean, newestFirst = false): string {
  const rows: string[] = [];
  for (let day = new Date(Date.UTC(2020, 0, 6)); rows.length < count; day.setUTCDate(day.getUTCDate() + 1)) {
    const weekday = day.getUTCDay();
    if (!everyDay && (weekday === 0 || weekday === 6)) continue;
    const price = (100 + rows.length / 10).toFixed(2);
    rows.push(`${day.toISOString().slice(0, 10)},${price},${price},${price},${price},${price},1000`);
  }
  if (newestFirst) rows.reverse();
  return `${[HEADER, ...rows].join("\n")}\n`;
}

/** The folder provider, counting whole-file reads. */
function countingProvider(dir: string): PriceProvider & { reads: number } {
  const inner = new CsvFolderPriceProvider({ dir });
  const counting = {
    reads: 0,
    name: inner.name,
    fetchDaily: (...args: Parameters<PriceProvider["fetchDaily"]>) => {
      counting.reads++;
      return inner.fetchDaily(...args);
    },
  };
  return counting;
}

/** EQ (weekdays), COIN (every day), NEWEST (every day, newest first) and SHORT (5 weekdays). */
async function folderOfFourKinds(): Promise<string> {
  const dir = await tempDir("csv-types");
  await writeFile(join(dir, "EQ.csv"), priceFile(2_000, false));
  await writeFile(join(dir, "COIN.csv"), priceFile(2_000, true));
  await writeFile(join(dir, "NEWEST.csv"), priceFile(2_000, true, true));
  await writeFile(join(dir, "SHORT.csv"), priceFile(5, false));
  return dir;
}

describe("CsvAssetTypeResolver (weekend prices ⇒ crypto, from the head of the file, remembered)", () => {
  it("tells equities from crypto by the first rows, in either order, without reading whole files", async () => {
    const dir = await folderOfFourKinds();
    const fallback = countingProvider(dir);
    const resolver = new CsvAssetTypeResolver({ dir, fallback });
    expect(await resolver.resolve("eq")).toBe("equity");
    expect(await resolver.resolve("COIN")).toBe("crypto");
    expect(await resolver.resolve("NEWEST")).toBe("crypto");
    expect(await resolver.resolve("SHORT")).toBe("equity");
    expect(await resolver.resolve("COIN", "equity")).toBe("equity");
    expect(fallback.reads).toBe(0);
  });

  it("with the folder provider as fallback, heads come from the texts it keeps: same answers", async () => {
    const dir = await folderOfFourKinds();
    // Weekend rows only past the first 16 KiB: the head alone says equity, as a head read would.
    await writeFile(
      join(dir, "LATECOIN.csv"),
      priceFile(500, false) + priceFile(30, true).split("\n").slice(1).join("\n"),
    );
    const provider = new CsvFolderPriceProvider({ dir });
    const resolver = new CsvAssetTypeResolver({ dir, fallback: provider });
    const headReader = new CsvAssetTypeResolver({ dir, fallback: countingProvider(dir) });
    for (const ticker of ["EQ", "COIN", "NEWEST", "SHORT", "LATECOIN"]) {
      expect(await resolver.resolve(ticker), ticker).toBe(await headReader.resolve(ticker));
    }
    expect(await resolver.resolve("LATECOIN")).toBe("equity");
    // The kept text still serves the prices.
    expect((await provider.fetchDaily("EQ", "equity", { start: "2020-01-01", end: "2020-01-31" }))[0]?.date).toBe(
      "2020-01-06",
    );
  });

  it("reads irregular heads line by line (short rows, blank lines, CRLF), still from the head alone", async () => {
    const dir = await tempDir("csv-types");
    // A short row and a whitespace-only line: not plain CSV to the column reader, so the line-by-line path.
    const irregular = (everyDay: boolean) =>
      priceFile(2_000, everyDay)
        .replace(/\n(2020-01-08,[^\n]*)\n/, "\n$1\n2020-01-08,1\n   \n")
        .replace(/\n/g, "\r\n");
    await writeFile(join(dir, "ODDEQ.csv"), irregular(false));
    await writeFile(join(dir, "ODDCOIN.csv"), irregular(true));
    await writeFile(join(dir, "CRLF.csv"), priceFile(2_000, true).replace(/\n/g, "\r\n"));
    const fallback = countingProvider(dir);
    const resolver = new CsvAssetTypeResolver({ dir, fallback });
    expect(await resolver.resolve("ODDEQ")).toBe("equity");
    expect(await resolver.resolve("ODDCOIN")).toBe("crypto");
    expect(await resolver.resolve("CRLF")).toBe("crypto");
    expect(fallback.reads).toBe(0);
  });

  it("reads the whole file through the provider when the head cannot tell (quoted fields, missing file)", async () => {
    const dir = await tempDir("csv-types");
    const quoted = priceFile(30, true).replace(/^(\d{4}-\d{2}-\d{2})/gm, '"$1"');
    await writeFile(join(dir, "QUOTED.csv"), quoted);
    const fallback = countingProvider(dir);
    const resolver = new CsvAssetTypeResolver({ dir, fallback });
    expect(await resolver.resolve("QUOTED")).toBe("crypto");
    expect(fallback.reads).toBe(1);
    await expect(resolver.resolve("MISSING")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a later run answers from the cache file without opening the price file, until the file changes", async () => {
    const dir = await tempDir("csv-types");
    const cacheFile = join(dir, "static", "csv-asset-types.json");
    const path = join(dir, "EQ.csv");
    await writeFile(path, priceFile(400, false));
    const first = new CsvAssetTypeResolver({ dir, cacheFile, fallback: countingProvider(dir) });
    expect(await first.resolve("EQ")).toBe("equity");
    await first.flushed();
    expect(JSON.parse(await readFile(cacheFile, "utf8"))[path].value).toBe("equity");

    // Same size and modification time but crypto content: only a run that reads the file would notice.
    const before = await stat(path);
    const crypto = priceFile(400, true).slice(0, before.size).padEnd(Number(before.size), "\n");
    await writeFile(path, crypto);
    await utimes(path, before.atimeMs / 1000, before.mtimeMs / 1000);
    const warm = new CsvAssetTypeResolver({ dir, cacheFile, fallback: countingProvider(dir) });
    expect(await warm.resolve("EQ")).toBe("equity");

    await utimes(path, before.atimeMs / 1000, before.mtimeMs / 1000 + 60);
    const changed = new CsvAssetTypeResolver({ dir, cacheFile, fallback: countingProvider(dir) });
    expect(await changed.resolve("EQ")).toBe("crypto");
  });
});
