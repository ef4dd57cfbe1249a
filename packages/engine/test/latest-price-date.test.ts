import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CsvFolderPriceProvider } from "@scrilla/market-data";
import { describe, expect, it } from "vitest";
import { latestDayOf, latestPriceDate } from "../src/data/latest-price-date.js";

const EXAMPLES = resolve(import.meta.dirname, "../../../examples/prices");
const EVER = { start: "1900-01-01", end: "2999-12-31" };

describe("the latest day of a price folder (today on files)", () => {
  it.each([
    ["ascending", "Date,Open,Close\n2021-01-04,1,2\n2021-01-05,1,2\n", "2021-01-05"],
    ["descending, CRLF", "date,close\r\n2021-01-05,2\r\n2021-01-04,1\r\n", "2021-01-05"],
    [
      "a trailing null row",
      "Date,Open,High,Low,Close\n2021-01-04,1,1,1,2\n2021-01-05,null,null,null,null\n",
      "2021-01-04",
    ],
    ["BOM and upper-case headers", "\uFEFFDATE,CLOSE\n2021-03-01,5\n", "2021-03-01"],
    ["an empty close", "date,open,close\n2021-01-04,1,2\n2021-01-06,1,\n", "2021-01-04"],
    ["timestamps", "date,close\n2021-01-04T00:00:00Z,2\n", "2021-01-04"],
    ["no close column", "date,price\n2021-01-04,2\n", undefined],
  ])("%s", (_, text, expected) => {
    expect(latestDayOf(text)).toBe(expected);
  });

  it("on the bundled folder it is the provider's latest bar over every file", async () => {
    const provider = new CsvFolderPriceProvider({ dir: EXAMPLES });
    const tickers = readdirSync(EXAMPLES).flatMap((name) => /^(\w+)\.csv$/.exec(name)?.[1] ?? []);
    const lasts = await Promise.all(
      tickers.map(async (ticker) => (await provider.fetchDaily(ticker, "equity", EVER)).at(-1)!.date),
    );
    expect(await latestPriceDate(EXAMPLES, provider)).toBe(lasts.sort().at(-1));
  });

  it("quoted files go through the provider; unreadable files and other names are skipped", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrilla-latest-"));
    writeFileSync(join(dir, "QUOTED.csv"), '"Date","Close"\n"2021-02-01","1234.5"\n"2021-02-02","12"\n');
    writeFileSync(join(dir, "BROKEN.csv"), "Date,Close\n04/01/2023,3\n");
    writeFileSync(join(dir, "notes.txt"), "Date,Close\n2030-01-01,1\n");
    expect(await latestPriceDate(dir, new CsvFolderPriceProvider({ dir }))).toBe("2021-02-02");
    expect(await latestPriceDate(join(dir, "missing"), new CsvFolderPriceProvider({ dir }))).toBeUndefined();
  });
});
