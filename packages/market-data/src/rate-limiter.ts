import { sleep } from "./sleep.js";

/** Where a limiter reads time and waits; injected by tests so the schedule is checked without real waiting. */
export interface LimiterClock {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

const SYSTEM_CLOCK: LimiterClock = { now: () => performance.now(), sleep };

/** Spaces calls to one service at least `minIntervalMs` apart, in call order, within this process. */
export class RateLimiter {
  private nextSlot = 0;

  constructor(
    readonly minIntervalMs: number,
    private readonly clock: LimiterClock = SYSTEM_CLOCK,
  ) {}

  static perSecond(requests: number, clock?: LimiterClock): RateLimiter {
    return new RateLimiter(1000 / requests, clock);
  }

  async acquire(): Promise<void> {
    const now = this.clock.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.minIntervalMs;
    await this.clock.sleep(slot - now);
  }
}
