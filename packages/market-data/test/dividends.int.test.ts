import { cp, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_FIXTURES_DIR } from "../src/testing/index.js";
import { type Harness, readRecorded, startHarness, tempDir } from "./support.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.server.close());

describe("AlphaVantage DIVIDENDS (spec §7.6, §7.9)", () => {
  it.each([
    ["ALLY", "2021-08-16", 0.25],
    ["DIS", "2020-01-16", 0.88],
  ])("%s paid on %s the amount %s", async (ticker, date, amount) => {
    const payments = await harness.market.dividends.fetchDividends(ticker);
    expect(payments.find((payment) => payment.date === date)?.amount).toBeCloseTo(amount, 12);
  });

  it("returns every recorded payment, latest first", async () => {
    const payments = await harness.market.dividends.fetchDividends("ally");
    const recorded = JSON.parse(await readRecorded("alphavantage", "DIVIDENDS", "ALLY.json")) as {
      data: Array<{ payment_date: string }>;
    };
    expect(payments).toHaveLength(recorded.data.length);
    expect(payments[0]).toEqual({ date: "2021-11-15", amount: 0.25 });
    const dates = payments.map((payment) => payment.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('skips payments whose date is "None"', async () => {
    const dir = await tempDir("dividends");
    await cp(DEFAULT_FIXTURES_DIR, dir, { recursive: true });
    const data = [
      { ex_dividend_date: "2021-12-10", payment_date: "None", amount: "0.30" },
      { ex_dividend_date: "2021-07-30", payment_date: "2021-08-16", amount: "0.25" },
    ];
    await writeFile(join(dir, "alphavantage", "DIVIDENDS", "NONE.json"), JSON.stringify({ symbol: "NONE", data }));
    const local = await startHarness({ dir });
    try {
      expect(await local.market.dividends.fetchDividends("NONE")).toEqual([{ date: "2021-08-16", amount: 0.25 }]);
    } finally {
      await local.server.close();
    }
  });

  it("reports an unknown ticker as NOT_FOUND", async () => {
    await expect(harness.market.dividends.fetchDividends("NOPE")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
