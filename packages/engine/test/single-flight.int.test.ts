import { DynamoDBCacheStore } from "@scrilla/cache/dynamodb";
import { type DynamoDBLocal, dynamoDBLocalClientConfig, startDynamoDBLocal } from "@scrilla/cache/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WaitClock } from "../src/index.js";
import { type Harness, recordedSeries, startHarness, TODAY, WINDOW } from "./support/engine-harness.js";

let harness: Harness;
let dynamo: DynamoDBLocal;
beforeAll(async () => {
  harness = await startHarness();
  dynamo = await startDynamoDBLocal();
}, 600_000); // DynamoDB Local's start-up budget (DEFAULT_START_TIMEOUT_MS) plus room
afterAll(async () => {
  await harness?.close();
  await dynamo?.stop();
});

const T0 = Date.UTC(2026, 0, 5, 12);
const POLL_MS = 100; // the engine's first pause (FETCH_POLL_MS)
const MAX_POLL_MS = 2_000; // and its longest (FETCH_MAX_POLL_MS)

/** A clock that never sleeps: each sleep moves it forward, so a 5 s lease expires in a few round trips. */
function fakeClock(start: number): WaitClock & { slept: number } {
  let now = start;
  return {
    now: () => now,
    async sleep(ms) {
      now += ms;
      this.slept += ms;
    },
    slept: 0,
  };
}

let tables = 0;
/** Two "containers" on the same fresh tables: each its own store, as each Lambda container has. */
async function twoContainers(): Promise<[DynamoDBCacheStore, DynamoDBCacheStore]> {
  const tablePrefix = `single-flight-${++tables}-`;
  const open = (provision: "auto" | "never") =>
    new DynamoDBCacheStore({ clientConfig: dynamoDBLocalClientConfig(dynamo.endpoint), tablePrefix, provision });
  const first = open("auto");
  await first.ready();
  return [first, open("never")];
}

const requestsFor = (symbol: string) => harness.server.count({ params: { function: "TIME_SERIES_DAILY", symbol } });

describe("single flight of provider fetches across containers (DynamoDB fetch lease)", () => {
  it("a lease left by a dead container expires; the next container then takes it and fetches once", async () => {
    const [dead, alive] = await twoContainers();
    const leaseMs = 5_000;
    // The dead container took the lease and never gave it back (killed mid-fetch).
    expect(await dead.acquireFetchLease("prices", "ALLY", { now: T0, ttlMs: leaseMs })).toBeDefined();
    const clock = fakeClock(T0);
    const engine = await harness.open({
      store: alive,
      clock,
      env: { FETCH_LEASE_MS: String(leaseMs), FETCH_WAIT_MS: "600000" },
    });
    const before = requestsFor("ALLY");
    const prices = (await engine.run("prices", ["ALLY"], WINDOW)) as { ALLY: Record<string, number> };
    expect(requestsFor("ALLY") - before).toBe(1);
    // It waited for the dead lease to lapse (not for the 10-minute bound), then fetched under its own lease.
    expect(clock.now()).toBeGreaterThanOrEqual(T0 + leaseMs);
    expect(clock.now()).toBeLessThanOrEqual(T0 + leaseMs + MAX_POLL_MS);
    const recorded = recordedSeries("ALLY");
    expect(Object.keys(prices.ALLY)).toEqual(recorded.dates);
    expect(Object.values(prices.ALLY)).toEqual([...recorded.close]);
    // And gave its lease back: anyone may take it at once.
    expect(await dead.acquireFetchLease("prices", "ALLY", { now: clock.now(), ttlMs: leaseMs })).toBeDefined();
  });

  it("a holder that stays alive but never finishes is waited for FETCH_WAIT_MS only, then fetched around", async () => {
    const [holder, waiter] = await twoContainers();
    const held = await holder.acquireFetchLease("prices", "BX", { now: T0, ttlMs: 600_000 });
    expect(held).toBeDefined();
    const clock = fakeClock(T0);
    const waitMs = 3_000;
    const engine = await harness.open({ store: waiter, clock, env: { FETCH_WAIT_MS: String(waitMs) } });
    const before = requestsFor("BX");
    const prices = (await engine.run("prices", ["BX"], WINDOW)) as { BX: Record<string, number> };
    expect(requestsFor("BX") - before).toBe(1);
    expect(clock.now()).toBe(T0 + waitMs); // the last pause is cut to end at the bound
    expect(Object.keys(prices.BX)).toEqual(recorded("BX"));
    // The waiter never held the lease, so it left the holder's alone: still refused to others until released.
    expect(await waiter.acquireFetchLease("prices", "BX", { now: clock.now(), ttlMs: 1_000 })).toBeUndefined();
    await held!.release();
    expect(await waiter.acquireFetchLease("prices", "BX", { now: clock.now(), ttlMs: 1_000 })).toBeDefined();
  });

  it("a waiter reads what the holder wrote instead of fetching it again", async () => {
    const [holder, waiter] = await twoContainers();
    const lease = await holder.acquireFetchLease("prices", "SPY", { now: T0, ttlMs: 600_000 });
    let holderDone!: () => void;
    const written = new Promise<void>((resolve) => {
      holderDone = resolve;
    });
    // The waiter's first sleep lasts until the holder has written its rows and marker and given the lease back;
    // the holder writes only once the waiter has found the lease taken (else, on a busy machine, the waiter could
    // look at the cache after the write and never wait).
    let startedWaiting!: () => void;
    const waiting = new Promise<void>((resolve) => {
      startedWaiting = resolve;
    });
    const clock = fakeClock(T0);
    const sleep = clock.sleep.bind(clock);
    clock.sleep = async (ms) => {
      startedWaiting();
      await written;
      await sleep(ms);
    };
    const engine = await harness.open({ store: waiter, clock, env: { FETCH_WAIT_MS: "600000" } });
    const before = requestsFor("SPY");
    const answer = engine.run("prices", ["SPY"], WINDOW);
    await waiting;

    const spy = recordedSeries("SPY");
    const rows = spy.dates.map((date, i) => ({ date, open: null, close: spy.close[i]! }));
    await holder.putPrices("SPY", rows, WINDOW);
    await lease!.release();
    holderDone();

    const prices = (await answer) as { SPY: Record<string, number> };
    expect(Object.keys(prices.SPY)).toEqual(spy.dates);
    expect(Object.values(prices.SPY)).toEqual([...spy.close]);
    expect(requestsFor("SPY") - before).toBe(0);
    expect(clock.slept).toBe(POLL_MS);
  });
});

describe("a day that may still change (no fetched marker by design)", () => {
  // TODAY's crypto bar is unsettled, so the fetcher records BTC as fetched through yesterday only.
  const window = { start: "2021-11-01", end: TODAY };
  const btcRequests = () => harness.server.count({ params: { function: "DIGITAL_CURRENCY_DAILY", symbol: "BTC" } });

  it("is not fetched again by the containers that waited for the one fetching it", async () => {
    const [first, second] = await twoContainers();
    const wait = { FETCH_WAIT_MS: "300000" }; // never fetch around a slow holder here, however busy the machine
    const engines = await Promise.all(
      [first, second].map((store, i) =>
        harness.open({ store, env: { ...wait, SCRILLA_HOME: `${harness.dir}/container-${i}` } }),
      ),
    );
    const before = btcRequests();
    const answers = await Promise.all(engines.map((engine) => engine.run("prices", ["BTC"], window)));
    expect(btcRequests() - before).toBe(1);
    expect(answers[1]).toEqual(answers[0]);
    expect(Object.keys((answers[0] as { BTC: object }).BTC).at(-1)).toBe(TODAY);
  });

  it("nor by a concurrent read in the same process", async () => {
    const engine = await harness.open({ env: { SQLITE_FILE: `${harness.dir}/unsettled.db` } });
    const before = btcRequests();
    const answers = await Promise.all([1, 2, 3].map(() => engine.run("prices", ["BTC"], window)));
    expect(btcRequests() - before).toBe(1);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });
});

describe("single flight within one process", () => {
  it("five concurrent reads of one ticker on one engine make one provider request", async () => {
    const engine = await harness.open({ env: { SQLITE_FILE: `${harness.dir}/in-process.db` } });
    const before = requestsFor("GLD");
    const answers = await Promise.all(Array.from({ length: 5 }, () => engine.run("prices", ["GLD"], WINDOW)));
    expect(requestsFor("GLD") - before).toBe(1);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });
});

const recorded = (ticker: string) => recordedSeries(ticker).dates;
