/**
 * One contract every CacheStore adapter must satisfy (DESIGN §5). Each test opens a fresh, empty store.
 */
import { MATURITIES } from "@scrilla/core";
import { afterEach, describe, expect, it } from "vitest";
import type { CacheStore, CorrelationKey, InterestRow, PriceRow, ProfileKey } from "../../src/index.js";
import { expectScrillaError } from "./expect-error.js";
import { fixturePrices, syntheticPrices } from "./fixture-prices.js";

const plain = <T extends object>(rows: readonly T[]): T[] => rows.map((row) => ({ ...row }));
const ascending = (rows: readonly PriceRow[]) => [...rows].sort((a, b) => (a.date < b.date ? -1 : 1));

export function describeCacheStoreContract(name: string, openStore: () => Promise<CacheStore>): void {
  describe(`CacheStore contract: ${name}`, () => {
    const opened: CacheStore[] = [];
    const open = async () => {
      const store = await openStore();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it("round-trips recorded prices ascending, with inclusive range ends (spec §8.7 golden closes)", async () => {
      const store = await open();
      // The 2021 part of the recording, latest first as the provider sends it.
      const ally = fixturePrices("ALLY").filter((row) => row.date >= "2021-01-01");
      await store.putPrices("ALLY", ally);
      const oneDay = await store.getPrices("ALLY", { start: "2021-10-22", end: "2021-10-22" });
      expect(plain(oneDay)).toEqual([{ date: "2021-10-22", open: expect.any(Number), close: 50.7 }]);

      const range = { start: "2021-07-14", end: "2021-11-19" };
      const expected = ascending(ally.filter((row) => row.date >= range.start && row.date <= range.end));
      const got = await store.getPrices("ALLY", range);
      expect(got.length).toBeGreaterThan(80);
      expect(got).toStrictEqual(expected); // plain objects with exactly date, open, close
      expect(plain(got)).toEqual(expected);
      expect(got[0]?.date).toBe(range.start);
      expect(got.at(-1)?.date).toBe(range.end);
      expect(await store.getPrices("BX", range)).toEqual([]);
    });

    it("keeps a null open and separates tickers", async () => {
      const store = await open();
      await store.putPrices("AAA", [{ date: "2024-01-02", open: null, close: 10.5 }]);
      await store.putPrices("AAB", [{ date: "2024-01-02", open: 3, close: 4 }]);
      const range = { start: "2024-01-01", end: "2024-01-31" };
      expect(plain(await store.getPrices("AAA", range))).toEqual([{ date: "2024-01-02", open: null, close: 10.5 }]);
      expect(plain(await store.getPrices("AAB", range))).toEqual([{ date: "2024-01-02", open: 3, close: 4 }]);
    });

    it("re-inserting is idempotent and a changed value replaces the old one", async () => {
      const store = await open();
      const rows = syntheticPrices(30, "2024-03-01");
      await store.putPrices("SPY", rows);
      await store.putPrices("SPY", rows);
      const range = { start: "2024-03-01", end: "2024-03-30" };
      expect(plain(await store.getPrices("SPY", range))).toEqual(rows);
      await store.putPrices("SPY", [{ date: "2024-03-05", open: 1, close: 2 }]);
      const day = await store.getPrices("SPY", { start: "2024-03-05", end: "2024-03-05" });
      expect(plain(day)).toEqual([{ date: "2024-03-05", open: 1, close: 2 }]);
      expect(await store.getPrices("SPY", range)).toHaveLength(30);
    });

    it("stores a 10,000-row batch completely", async () => {
      const store = await open();
      const rows = syntheticPrices(10_000, "1980-01-01");
      await store.putPrices("BIG", rows);
      const got = await store.getPrices("BIG", { start: rows[0]!.date, end: rows.at(-1)!.date });
      expect(got).toHaveLength(10_000);
      const sum = (list: readonly PriceRow[]) => list.reduce((total, row) => total + row.close, 0);
      expect(sum(got)).toBeCloseTo(sum(rows), 6);
      expect(plain(got)).toEqual(rows);
    });

    it("round-trips interest per maturity with inclusive ranges and null values", async () => {
      const store = await open();
      const dates = ["2021-11-01", "2021-11-02", "2021-11-03"];
      const rows: InterestRow[] = dates.flatMap((date, d) =>
        MATURITIES.map((maturity, m) => ({ maturity, date, value: m === 1 && d === 1 ? null : (m + 1) / 100 + d })),
      );
      await store.putInterest(rows.toReversed());
      await store.putInterest(rows);
      const got = await store.getInterest("TWO_MONTH", { start: "2021-11-02", end: "2021-11-03" });
      expect(plain(got)).toEqual([
        { maturity: "TWO_MONTH", date: "2021-11-02", value: null },
        { maturity: "TWO_MONTH", date: "2021-11-03", value: 0.02 + 2 },
      ]);
      const thirty = await store.getInterest("THIRTY_YEAR", { start: "2021-01-01", end: "2021-12-31" });
      expect(thirty.map((row) => row.value)).toEqual([0.12, 1.12, 2.12]);
    });

    it("merges partial profile fields and keeps distinct keys apart (D-42, D-47)", async () => {
      const store = await open();
      const key: ProfileKey = {
        ticker: "ALLY",
        startDate: "2021-07-14",
        endDate: "2021-11-19",
        method: "moments",
        weekends: false,
      };
      expect(await store.getProfile(key)).toBeUndefined();
      expect(await store.mergeProfile(key, { annual_return: 0.12, annual_volatility: 0.3 })).toEqual({
        annual_return: 0.12,
        annual_volatility: 0.3,
      });
      expect(await store.mergeProfile(key, { sharpe_ratio: 0.4, annual_volatility: 0.31 })).toEqual({
        annual_return: 0.12,
        annual_volatility: 0.31,
        sharpe_ratio: 0.4,
      });
      expect(await store.getProfile(key)).toEqual({ annual_return: 0.12, annual_volatility: 0.31, sharpe_ratio: 0.4 });

      const variants: ProfileKey[] = [
        { ...key, endDate: "2021-11-18" },
        { ...key, method: "likelihood" },
        { ...key, weekends: true },
      ];
      for (const [i, variant] of variants.entries()) await store.mergeProfile(variant, { asset_beta: i });
      for (const [i, variant] of variants.entries()) expect(await store.getProfile(variant)).toEqual({ asset_beta: i });
      expect(await store.getProfile(key)).toEqual({ annual_return: 0.12, annual_volatility: 0.31, sharpe_ratio: 0.4 });
    });

    it("stores a correlation once per unordered pair (D-46)", async () => {
      const key: CorrelationKey = {
        ticker1: "SPY",
        ticker2: "ALLY",
        startDate: "2021-07-14",
        endDate: "2021-11-19",
        method: "moments",
        weekends: false,
      };
      const store = await open();
      expect(await store.getCorrelation(key)).toBeUndefined();
      await store.putCorrelation(key, 0.42);
      expect(await store.getCorrelation({ ...key, ticker1: "ALLY", ticker2: "SPY" })).toBe(0.42);
      await store.putCorrelation({ ...key, ticker1: "ALLY", ticker2: "SPY" }, -0.25);
      expect(await store.getCorrelation(key)).toBe(-0.25);
      await store.putCorrelation({ ...key, method: "likelihood" }, 0.9);
      await store.putCorrelation({ ...key, weekends: true }, 0.8);
      expect(await store.getCorrelation(key)).toBe(-0.25);
      expect(await store.getCorrelation({ ...key, method: "likelihood", ticker1: "ALLY", ticker2: "SPY" })).toBe(0.9);
      expect(await store.getCorrelation({ ...key, weekends: true })).toBe(0.8);
      expect(await store.getCorrelation({ ...key, endDate: "2021-11-18" })).toBeUndefined();
    });

    it("records fetched ranges merged and apart from the data (D-40)", async () => {
      const store = await open();
      await store.putPrices("GLD", [{ date: "2021-06-17", open: 1, close: 2 }], {
        start: "2021-06-01",
        end: "2021-06-18",
      });
      await store.putPrices("GLD", [], { start: "2021-06-19", end: "2021-06-30" });
      await store.putPrices("GLD", [], { start: "2021-08-01", end: "2021-08-31" });
      await store.putPrices("GLD", [], { start: "2021-08-10", end: "2021-08-12" });
      expect(await store.getFetchedRanges("prices", "GLD")).toEqual([
        { start: "2021-06-01", end: "2021-06-30" },
        { start: "2021-08-01", end: "2021-08-31" },
      ]);
      expect(await store.getFetchedRanges("prices", "SPY")).toEqual([]);
      expect(plain(await store.getPrices("GLD", { start: "2000-01-01", end: "2030-12-31" }))).toEqual([
        { date: "2021-06-17", open: 1, close: 2 },
      ]);

      await store.putInterest([{ maturity: "ONE_MONTH", date: "2021-11-01", value: 0.05 }], {
        start: "2021-10-01",
        end: "2021-11-05",
      });
      expect(await store.getFetchedRanges("interest", "ONE_MONTH")).toEqual([
        { start: "2021-10-01", end: "2021-11-05" },
      ]);
      expect(await store.getInterest("ONE_MONTH", { start: "2000-01-01", end: "2030-12-31" })).toHaveLength(1);
    });

    it("clear() removes every record of the four kinds (D-45)", async () => {
      const store = await open();
      const range = { start: "2021-01-01", end: "2021-12-31" };
      await store.putPrices("ALLY", syntheticPrices(40, "2021-02-01"), range);
      await store.putInterest([{ maturity: "TEN_YEAR", date: "2021-03-01", value: 1.4 }], range);
      const profile = {
        ticker: "ALLY",
        startDate: "2021-01-01",
        endDate: "2021-12-31",
        method: "moments",
        weekends: false,
      };
      await store.mergeProfile(profile, { annual_return: 0.1 });
      const pair = { ...profile, ticker1: "ALLY", ticker2: "BX" };
      await store.putCorrelation(pair, 0.5);

      await store.clear();
      expect(await store.getPrices("ALLY", range)).toEqual([]);
      expect(await store.getInterest("TEN_YEAR", range)).toEqual([]);
      expect(await store.getProfile(profile)).toBeUndefined();
      expect(await store.getCorrelation(pair)).toBeUndefined();
      expect(await store.getFetchedRanges("prices", "ALLY")).toEqual([]);
      expect(await store.getFetchedRanges("interest", "TEN_YEAR")).toEqual([]);
    });

    it("grants a free fetch lease, and the lease is seen by neither price, marker nor clear() reads", async () => {
      const store = await open();
      const rows = syntheticPrices(5, "2024-03-01");
      const range = { start: "2024-03-01", end: "2024-03-05" };
      await store.putPrices("SPY", rows, range);
      const lease = await store.acquireFetchLease("prices", "SPY", { now: Date.now(), ttlMs: 60_000 });
      const curve = await store.acquireFetchLease("interest", "treasury", { now: Date.now(), ttlMs: 60_000 });
      expect(lease).toBeDefined();
      expect(curve).toBeDefined();
      expect(plain(await store.getPrices("SPY", { start: "0000-01-01", end: "9999-12-31" }))).toEqual(rows);
      expect(await store.getFetchedRanges("prices", "SPY")).toEqual([range]);
      await lease!.release();
      await curve!.release();
      // Given back, it can be taken again at once.
      const again = await store.acquireFetchLease("prices", "SPY", { now: Date.now(), ttlMs: 60_000 });
      expect(again).toBeDefined();
      await again!.release();
      await expectScrillaError(
        store.acquireFetchLease("prices", "A#B", { now: Date.now(), ttlMs: 60_000 }),
        "INVALID_INPUT",
      );
    });

    it("rejects bad input with INVALID_INPUT before writing anything", async () => {
      const store = await open();
      const range = { start: "2024-01-01", end: "2024-01-31" };
      await expectScrillaError(store.getPrices("SPY", { start: "2024-02-01", end: "2024-01-01" }), "INVALID_INPUT");
      await expectScrillaError(store.getPrices("SPY", { start: "2024/01/01", end: "2024-01-02" }), "INVALID_INPUT");
      const rows = [
        { date: "2024-01-02", open: 1, close: 2 },
        { date: "2024-01-03", open: 1, close: Number.NaN },
      ];
      const message = await expectScrillaError(store.putPrices("SPY", rows), "INVALID_INPUT");
      expect(message).toContain("row 1");
      expect(await store.getPrices("SPY", range)).toEqual([]);
      const pair = {
        ticker1: "A",
        ticker2: "B",
        startDate: "2024-01-01",
        endDate: "2024-01-31",
        method: "moments",
        weekends: false,
      };
      await expectScrillaError(store.putCorrelation(pair, 1.5), "INVALID_INPUT");
      await expectScrillaError(store.putCorrelation({ ...pair, method: "a#b" }, 0.5), "INVALID_INPUT");
      await expectScrillaError(store.getInterest("ELEVEN_YEAR" as never, range), "INVALID_INPUT");
    });
  });
}
