import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CsvFolderDividendProvider,
  CsvFolderStatisticsProvider,
  CsvYieldCurveProvider,
  createMarketData,
} from "../src/index.js";
import { type Harness, rejectionOf, startHarness, tempDir } from "./support.js";

// The bundled offline data (examples/) is converted from the same recordings the fixture server
// answers with, so the CSV providers must give exactly the live providers' answers over it.
const EXAMPLES = resolve(import.meta.dirname, "../../../examples");
const RECORDED = { start: "2021-03-08", end: "2021-11-19" };

let live: Harness;
beforeAll(async () => {
  live = await startHarness();
});
afterAll(async () => live.server.close());

describe("the bundled examples equal the recorded services", () => {
  const offline = createMarketData({
    priceDir: join(EXAMPLES, "prices"),
    dividendDir: join(EXAMPLES, "dividends"),
    statisticsDir: join(EXAMPLES, "statistics"),
    env: {},
  });

  it.each(["ALLY", "BX", "DIS"])("dividends of %s (DIV_DIR) equal AlphaVantage DIVIDENDS", async (ticker) => {
    const fromCsv = await offline.dividends.fetchDividends(ticker);
    expect(fromCsv.length).toBeGreaterThan(0);
    expect(fromCsv).toEqual(await live.market.dividends.fetchDividends(ticker));
  });

  it("the yield curve (STAT_DIR/daily-treasury-rates.csv) equals the Treasury XML day by day", async () => {
    const fromCsv = await offline.yieldCurve.fetchYieldCurve(RECORDED);
    expect(fromCsv).toHaveLength(180);
    expect(fromCsv).toEqual(await live.market.yieldCurve.fetchYieldCurve(RECORDED));
  });

  it("DGS10 (STAT_DIR/DGS10.csv) equals the FRED answer, holidays left out", async () => {
    const fromCsv = await offline.statistics.fetchSeries("dgs10", RECORDED);
    expect(fromCsv).toHaveLength(180);
    expect(fromCsv).toEqual(await live.market.statistics.fetchSeries("DGS10", RECORDED));
  });

  it("DGS2 is the Treasury's TWO_YEAR yield on every published day", async () => {
    const curve = await offline.yieldCurve.fetchYieldCurve(RECORDED);
    const series = await offline.statistics.fetchSeries("DGS2", RECORDED);
    expect(series).toEqual(curve.map((day) => ({ date: day.date, value: day.rates.TWO_YEAR })));
  });

  it("no request reached the fixture server from the offline providers", async () => {
    live.server.reset();
    await offline.dividends.fetchDividends("ALLY");
    await offline.yieldCurve.fetchYieldCurve(RECORDED);
    await offline.statistics.fetchSeries("DGS10", RECORDED);
    expect(live.server.count()).toBe(0);
  });
});

describe("file formats", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir("offline");
    await mkdir(join(dir, "years"));
    await writeFile(join(dir, "PLAIN.csv"), "Date,Dividends\n2020-03-02,0.5\n2021-03-01,0.55\n");
    await writeFile(join(dir, "NEG.csv"), "date,amount\n2021-03-01,-1\n");
    await writeFile(join(dir, "WEIRD.csv"), "payment_date,amount\nsoon,1\n");
    await writeFile(
      join(dir, "years", "daily-treasury-rates-2022.csv"),
      'Date,"1 Mo","1.5 Month","4 Mo","10 Yr","30 Yr"\n01/04/2022,0.04,,0.1,1.66,2.07\n01/03/2022,0.05,,,1.63,\n',
    );
    await writeFile(
      join(dir, "years", "daily-treasury-rates-2021.csv"),
      "date,ONE_MONTH,TEN_YEAR\n2021-12-31,0.06,1.52\n",
    );
    await writeFile(join(dir, "OLD.csv"), "DATE,OLD\n2021-01-01,.\n2021-01-04,1.5\n2021-01-05,\n2021-01-06,1.25\n");
    await writeFile(join(dir, "BADDATE.csv"), "observation_date,BADDATE\n2021-01-04,1\nyesterday,2\n");
  });

  it("dividends: a Date,Dividends file, latest first; negative amounts and non-dates are refused by row", async () => {
    const provider = new CsvFolderDividendProvider({ dir });
    expect(await provider.fetchDividends("plain")).toEqual([
      { date: "2021-03-01", amount: 0.55 },
      { date: "2020-03-02", amount: 0.5 },
    ]);
    expect(await rejectionOf(provider.fetchDividends("NEG"))).toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("row 2"),
    });
    expect(await rejectionOf(provider.fetchDividends("WEIRD"))).toMatchObject({ code: "INVALID_INPUT" });
    const missing = await rejectionOf(provider.fetchDividends("NONE"));
    expect(missing).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("DIV_MANAGER") });
    expect(await rejectionOf(provider.fetchDividends("../x"))).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("yield curve: several yearly downloads merged ascending, MM/DD/YYYY dates, unknown columns ignored", async () => {
    const provider = new CsvYieldCurveProvider({ dir: join(dir, "years") });
    const days = await provider.fetchYieldCurve({ start: "2021-12-01", end: "2022-01-03" });
    expect(days.map((day) => day.date)).toEqual(["2021-12-31", "2022-01-03"]);
    expect(days[0]!.rates).toMatchObject({ ONE_MONTH: 0.06, TEN_YEAR: 1.52, THIRTY_YEAR: null });
    expect(days[1]!.rates).toMatchObject({ ONE_MONTH: 0.05, TEN_YEAR: 1.63, THIRTY_YEAR: null, TWO_YEAR: null });
    const none = await rejectionOf(new CsvYieldCurveProvider({ dir }).fetchYieldCurve(RECORDED));
    expect(none).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("RISK_FREE_RATE") });
  });

  it("FRED series: DATE header of old downloads, '.' and empty values left out, bad dates refused by row", async () => {
    const provider = new CsvFolderStatisticsProvider({ dir });
    expect(await provider.fetchSeries("old", { start: "2021-01-01", end: "2021-01-05" })).toEqual([
      { date: "2021-01-04", value: 1.5 },
    ]);
    expect(
      await rejectionOf(provider.fetchSeries("BADDATE", { start: "2021-01-01", end: "2021-12-31" })),
    ).toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("row 3") });
    expect(await rejectionOf(provider.fetchSeries("NOPE", RECORDED))).toMatchObject({ code: "NOT_FOUND" });
  });
});
