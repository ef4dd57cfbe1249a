import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, RANGE, rejectionOf, startHarness } from "./support.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.server.close());

describe("FRED series over HTTP", () => {
  it("DGS10 matches the Treasury's published 10-year rate day by day", async () => {
    const [observations, curve] = await Promise.all([
      harness.market.statistics.fetchSeries("DGS10", RANGE),
      harness.market.yieldCurve.fetchYieldCurve(RANGE),
    ]);
    expect(observations.length).toBe(curve.length);
    for (const [index, observation] of observations.entries()) {
      expect(observation.date).toBe(curve[index]?.date);
      expect(observation.value).toBeCloseTo(curve[index]?.rates.TEN_YEAR ?? Number.NaN, 12);
    }
  });

  it('leaves out missing observations (".") and asks for the range ascending', async () => {
    harness.server.reset();
    const observations = await harness.market.statistics.fetchSeries("dgs10", {
      start: "2021-10-08",
      end: "2021-10-12",
    });
    expect(observations.map((observation) => observation.date)).toEqual(["2021-10-08", "2021-10-12"]);
    expect(harness.server.requests[0]?.params).toMatchObject({
      series_id: "DGS10",
      observation_start: "2021-10-08",
      observation_end: "2021-10-12",
      sort_order: "asc",
      file_type: "json",
    });
  });

  it("an unknown series is NOT_FOUND", async () => {
    expect(await rejectionOf(harness.market.statistics.fetchSeries("NOSUCHSERIES", RANGE))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("malformed JSON is PROVIDER_ERROR", async () => {
    harness.server.inject({ kind: "malformed", service: "fred" });
    expect(await rejectionOf(harness.market.statistics.fetchSeries("DGS10", RANGE))).toMatchObject({
      code: "PROVIDER_ERROR",
    });
  });
});
