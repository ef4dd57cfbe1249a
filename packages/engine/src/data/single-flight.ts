import type { CacheStore, FetchedRangeKind } from "@scrilla/cache";
import type { DateRange } from "@scrilla/core";
import type { EngineLogger } from "../engine-types.js";

/** The clock the bounded wait runs on; tests inject one that advances without sleeping. */
export interface WaitClock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: WaitClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface SingleFlightSettings {
  store: CacheStore;
  clock: WaitClock;
  /** How long a lease lasts if its holder dies mid-fetch (`FETCH_LEASE_MS`). */
  leaseMs: number;
  /** How long to wait for another process's fetch before fetching anyway (`FETCH_WAIT_MS`). */
  waitMs: number;
  /** A waiter's first pause before looking again whether the other fetch has landed; later pauses double. */
  pollMs: number;
  /** The longest pause between two looks. */
  maxPollMs: number;
  logger: EngineLogger;
}

/**
 * One provider fetch per key at a time: within this process concurrent callers share one run, and across
 * processes sharing the store (Lambda containers on DynamoDB) the store's fetch lease picks one fetcher while the
 * others poll the cache. A waiter whose wait runs out fetches anyway, so a stuck or slow holder costs time, never
 * an answer.
 */
export class SingleFlight {
  readonly #running = new Map<string, Promise<void>>();

  constructor(private readonly settings: SingleFlightSettings) {}

  /**
   * Makes sure `missing(waited)` is empty, calling `fetch(span)` for what is missing unless another fetcher does.
   * `waited` tells `missing` that another fetcher has just finished with this key, so rows it wrote without a
   * marker (a day that may still change) are fresh enough not to be fetched again at once.
   */
  async fill(
    kind: FetchedRangeKind,
    key: string,
    missing: (waited: boolean) => Promise<DateRange | undefined>,
    fetch: (span: DateRange) => Promise<void>,
  ): Promise<void> {
    const id = `${kind}|${key}`;
    let waited = false;
    for (let running = this.#running.get(id); running; running = this.#running.get(id)) {
      await running.catch(() => {}); // its caller reports its error; this one looks at the cache afresh
      waited = true;
    }
    const run = this.#coordinate(kind, key, missing, fetch, waited);
    this.#running.set(id, run);
    try {
      await run;
    } finally {
      if (this.#running.get(id) === run) this.#running.delete(id);
    }
  }

  async #coordinate(
    kind: FetchedRangeKind,
    key: string,
    missing: (waited: boolean) => Promise<DateRange | undefined>,
    fetch: (span: DateRange) => Promise<void>,
    waitedAlready: boolean,
  ): Promise<void> {
    let waited = waitedAlready;
    const { store, clock, leaseMs, waitMs, pollMs, maxPollMs, logger } = this.settings;
    const deadline = clock.now() + waitMs;
    // Doubling pauses: many waiters (50 cold containers) would otherwise crowd the table the holder writes to.
    let pause = pollMs;
    for (;;) {
      const span = await missing(waited);
      if (!span) return;
      const lease = await store.acquireFetchLease(kind, key, { now: clock.now(), ttlMs: leaseMs });
      if (lease) {
        try {
          // The previous holder may have written it between our look and our lease.
          const still = await missing(waited);
          if (still) await fetch(still);
        } finally {
          await lease.release().catch((error: unknown) => {
            logger.warn(`could not give back the fetch lease of ${key} (it expires by itself): ${String(error)}`);
          });
        }
        return;
      }
      const now = clock.now();
      if (now >= deadline) {
        logger.info(`another process has been fetching ${key} for over ${waitMs} ms; fetching it here too`);
        await fetch(span);
        return;
      }
      waited = true;
      await clock.sleep(Math.min(pause, deadline - now));
      pause = Math.min(2 * pause, maxPollMs);
    }
  }
}
