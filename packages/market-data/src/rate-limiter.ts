import { sleep } from "./sleep.js";

/** Spaces calls to one service at least `minIntervalMs` apart, in call order, within this process. */
export class RateLimiter {
  private nextSlot = 0;

  constructor(readonly minIntervalMs: number) {}

  static perSecond(requests: number): RateLimiter {
    return new RateLimiter(1000 / requests);
  }

  async acquire(): Promise<void> {
    const now = performance.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.minIntervalMs;
    await sleep(slot - now);
  }
}
