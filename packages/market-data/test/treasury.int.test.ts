import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_FIXTURES_DIR } from "../src/testing/index.js";
import { type Harness, RANGE, startHarness, tempDir } from "./support.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.server.close());

describe("US Treasury yield curve over HTTP (spec §7.4, D-35)", () => {
  it.each([
    ["ONE_MONTH", "2021-11-01", 0.05],
    ["THIRTY_YEAR", "2021-10-26", 2.05],
    ["ONE_YEAR", "2021-10-14", 0.1],
    ["TEN_YEAR", "2021-11-19", 1.54],
    ["ONE_YEAR", "2021-11-18", 0.18],
  ] as const)("%s on %s is %s percent", async (maturity, date, expected) => {
    const days = await harness.market.yieldCurve.fetchYieldCurve(RANGE);
    expect(days.find((day) => day.date === date)?.rates[maturity]).toBeCloseTo(expected, 12);
  });

  it("requests the year once for a long range and keeps only the range's days, ascending", async () => {
    harness.server.reset();
    const days = await harness.market.yieldCurve.fetchYieldCurve(RANGE);
    expect(harness.server.requests.map((request) => request.params)).toEqual([
      { data: "daily_treasury_yield_curve", field_tdr_date_value: "2021" },
    ]);
    expect(days[0]?.date).toBe("2021-07-14");
    expect(days.at(-1)?.date).toBe("2021-11-19");
    const xml = await readFile(join(DEFAULT_FIXTURES_DIR, "treasury", "daily_treasury_yield_curve.xml"), "utf8");
    const recordedDates = [...xml.matchAll(/<d:NEW_DATE[^>]*>(\d{4}-\d{2}-\d{2})/g)].map((match) => match[1]!);
    expect(days.map((day) => day.date)).toEqual(recordedDates.filter((d) => d >= RANGE.start && d <= RANGE.end).sort());
  });

  it("requests month by month for a short range, across a year boundary", async () => {
    harness.server.reset();
    const days = await harness.market.yieldCurve.fetchYieldCurve({ start: "2021-12-20", end: "2022-01-05" });
    expect(harness.server.requests.map((request) => request.params.field_tdr_date_value_month)).toEqual([
      "202112",
      "202201",
    ]);
    expect(days[0]?.date).toBe("2021-12-20");
    expect(days.at(-1)?.date).toBe("2022-01-05");
    expect(days.some((day) => day.date === "2021-12-31")).toBe(true);
  });

  it("tolerates empty values, ignores unknown columns and sorts out-of-order entries", async () => {
    const dir = await tempDir("treasury");
    await cp(DEFAULT_FIXTURES_DIR, dir, { recursive: true });
    const file = join(dir, "treasury", "daily_treasury_yield_curve.xml");
    let xml = await readFile(file, "utf8");
    // 2021-03-08: an empty 1-month value and a newer maturity column, as the live feed has them.
    xml = xml.replace(
      '<d:BC_1MONTH m:type="Edm.Double">0.04</d:BC_1MONTH>',
      '<d:BC_1MONTH m:type="Edm.Double" m:null="true" /><d:BC_4MONTH m:type="Edm.Double">0.07</d:BC_4MONTH>',
    );
    // Move the first entry to the end of the feed.
    const first = xml.slice(xml.indexOf("<entry>"), xml.indexOf("</entry>") + "</entry>".length);
    xml = xml.replace(first, "").replace("</feed>", `${first}\n</feed>`);
    await writeFile(file, xml);
    const local = await startHarness({ dir });
    try {
      const days = await local.market.yieldCurve.fetchYieldCurve({ start: "2021-03-01", end: "2021-03-31" });
      expect(days[0]?.date).toBe("2021-03-08");
      expect(days[0]?.rates.ONE_MONTH).toBeNull();
      expect(days[0]?.rates.TWO_MONTH).toBeCloseTo(0.04, 12);
      expect(Object.keys(days[0]?.rates ?? {})).toHaveLength(12);
      expect(days.map((day) => day.date)).toEqual(days.map((day) => day.date).sort());
    } finally {
      await local.server.close();
    }
  });
});
