import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { MemoryCacheStore } from "../src/index.js";
import { useDynamoDBLocal } from "./support/dynamodb-suite.js";
import { syntheticPrices } from "./support/fixture-prices.js";

const context = useDynamoDBLocal("jar");
const T0 = Date.UTC(2026, 0, 5, 12);
const TTL = 30_000;

describe("the DynamoDB fetch lease (single flight across Lambda containers)", () => {
  it("of 50 stores asking at once for the same ticker exactly one gets it; another ticker is independent", async () => {
    const first = await context.openStore();
    const tablePrefix = first.tables.prices.TableName.replace(/prices$/, "");
    const others = Array.from({ length: 49 }, () => context.openStore({ tablePrefix, provision: "never" }));
    const stores = [first, ...(await Promise.all(others))];
    const leases = await Promise.all(
      stores.map((store) => store.acquireFetchLease("prices", "SPY", { now: T0, ttlMs: TTL })),
    );
    expect(leases.filter(Boolean)).toHaveLength(1);
    expect(await stores[7]!.acquireFetchLease("prices", "GLD", { now: T0, ttlMs: TTL })).toBeDefined();
    expect(await stores[8]!.acquireFetchLease("interest", "treasury", { now: T0, ttlMs: TTL })).toBeDefined();
    // Given back, the next asker gets it.
    await leases.find(Boolean)!.release();
    expect(await stores[9]!.acquireFetchLease("prices", "SPY", { now: T0 + 1, ttlMs: TTL })).toBeDefined();
  });

  it("a lease whose holder died expires after its ttl; the old holder's late release leaves the new lease alone", async () => {
    const dead = await context.openStore();
    const alive = await context.openStore({
      tablePrefix: dead.tables.prices.TableName.replace(/prices$/, ""),
      provision: "never",
    });
    const ghost = await dead.acquireFetchLease("prices", "SPY", { now: T0, ttlMs: TTL });
    expect(ghost).toBeDefined();
    expect(await alive.acquireFetchLease("prices", "SPY", { now: T0 + TTL - 1, ttlMs: TTL })).toBeUndefined();
    const taken = await alive.acquireFetchLease("prices", "SPY", { now: T0 + TTL, ttlMs: TTL });
    expect(taken).toBeDefined();

    const documents = DynamoDBDocumentClient.from(context.client);
    const leaseItem = () =>
      documents.send(
        new GetCommand({ TableName: alive.tables.prices.TableName, Key: { ticker: "SPY", date: "#lease" } }),
      );
    const held = (await leaseItem()).Item;
    expect(held?.lease_expires).toBe(T0 + 2 * TTL);
    await ghost!.release(); // the dead container wakes up: its conditional delete must not remove the new lease
    expect((await leaseItem()).Item).toEqual(held);
    await taken!.release();
    expect((await leaseItem()).Item).toBeUndefined();
  });

  it("the lease item is invisible to reads, and the memory layer forgets a key whose lease another process holds", async () => {
    const shared = await context.openStore();
    const prefix = shared.tables.prices.TableName.replace(/prices$/, "");
    const writer = await context.openStore({ tablePrefix: prefix, provision: "never" });
    const reader = new MemoryCacheStore(await context.openStore({ tablePrefix: prefix, provision: "never" }));
    const holder = await writer.acquireFetchLease("prices", "SPY", { now: T0, ttlMs: TTL });
    expect(await reader.getFetchedRanges("prices", "SPY")).toEqual([]); // now remembered in memory
    const range = { start: "2024-03-01", end: "2024-03-10" };
    await writer.putPrices("SPY", syntheticPrices(10, "2024-03-01"), range);
    expect(await reader.getFetchedRanges("prices", "SPY")).toEqual([]); // memory still says "never fetched"
    expect(await reader.acquireFetchLease("prices", "SPY", { now: T0 + 1, ttlMs: TTL })).toBeUndefined();
    expect(await reader.getFetchedRanges("prices", "SPY")).toEqual([range]);
    expect(await reader.getPrices("SPY", { start: "0000-01-01", end: "9999-12-31" })).toHaveLength(10);
    await holder!.release();
    await reader.close();
  });
});
