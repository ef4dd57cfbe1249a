import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CsvFolderPriceProvider, type PriceProvider } from "@scrilla/market-data";
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

describe("the latest day of a price folder, remembered between starts", () => {
  /** Throws if asked: a warm start must not fall back to reading a file through the provider either. */
  const untouchable: PriceProvider = {
    name: "untouchable",
    fetchDaily: () => Promise.reject(new Error("a price file was read")),
  };
  const T0 = new Date("2024-03-01T12:00:00Z");
  const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

  function folder() {
    const dir = mkdtempSync(join(tmpdir(), "scrilla-latest-cache-"));
    const prices = join(dir, "prices");
    mkdirSync(prices);
    const put = (name: string, text: string, mtime: Date) => {
      writeFileSync(join(prices, name), text);
      utimesSync(join(prices, name), mtime, mtime);
    };
    return { prices, cacheFile: join(dir, "static", "csv-latest-dates.json"), put };
  }

  it("a warm start reads no price file: same-size garbage under the same stamps changes nothing", async () => {
    const { prices, cacheFile, put } = folder();
    put("AAA.csv", "Date,Close\n2021-01-04,1\n2021-01-05,2\n", at(0));
    put("BBB.csv", "Date,Close\n2021-01-04,1\n2021-01-08,2\n", at(0));
    const provider = new CsvFolderPriceProvider({ dir: prices });
    expect(await latestPriceDate(prices, provider, { cacheFile })).toBe("2021-01-08");
    expect(Object.keys(JSON.parse(readFileSync(cacheFile, "utf8")))).toHaveLength(2);

    // Only a start that opened BBB.csv would see this day (quoted, so it would even ask the provider).
    const bbb = readFileSync(join(prices, "BBB.csv"), "utf8");
    put("BBB.csv", '"Date","Close"\n"2030-01-01",1\n'.padEnd(bbb.length, "\n"), at(0));
    expect(statSync(join(prices, "BBB.csv")).size).toBe(bbb.length);
    expect(await latestPriceDate(prices, untouchable, { cacheFile })).toBe("2021-01-08");
  });

  it("an edited file (new mtime) and an added file are read again; a removed one no longer counts", async () => {
    const { prices, cacheFile, put } = folder();
    put("AAA.csv", "Date,Close\n2021-01-04,1\n2021-01-05,2\n", at(0));
    put("BBB.csv", "Date,Close\n2021-01-04,1\n2021-01-06,2\n", at(0));
    const provider = new CsvFolderPriceProvider({ dir: prices });
    expect(await latestPriceDate(prices, provider, { cacheFile })).toBe("2021-01-06");

    put("AAA.csv", "Date,Close\n2021-01-04,1\n2021-01-12,2\n", at(1)); // same size, later mtime
    expect(await latestPriceDate(prices, provider, { cacheFile })).toBe("2021-01-12");

    put("CCC.csv", "Date,Close\n2021-02-01,1\n", at(0));
    expect(await latestPriceDate(prices, provider, { cacheFile })).toBe("2021-02-01");

    rmSync(join(prices, "CCC.csv"));
    expect(await latestPriceDate(prices, untouchable, { cacheFile })).toBe("2021-01-12");
  });

  it("a corrupt cache file is only a cache: the folder is read again and the file rewritten", async () => {
    const { prices, cacheFile, put } = folder();
    put("AAA.csv", "Date,Close\n2021-01-04,1\n2021-01-05,2\n", at(0));
    mkdirSync(join(cacheFile, ".."), { recursive: true });
    writeFileSync(cacheFile, "{not json");
    const provider = new CsvFolderPriceProvider({ dir: prices });
    expect(await latestPriceDate(prices, provider, { cacheFile })).toBe("2021-01-05");
    expect(JSON.parse(readFileSync(cacheFile, "utf8"))[join(prices, "AAA.csv")].value).toBe("2021-01-05");
  });
});
