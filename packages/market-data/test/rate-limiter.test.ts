import { describe, expect, it } from "vitest";
import { type LimiterClock, RateLimiter } from "../src/index.js";

/**
 * A virtual clock: `sleep` records the wait and (unless frozen, as for callers waiting side by side) moves
 * time on, so the schedule is exact and instant.
 */
function virtualClock(start = 1_000, frozen = false) {
  let time = start;
  const waits: number[] = [];
  const clock: LimiterClock = {
    now: () => time,
    sleep: async (ms) => {
      waits.push(ms);
      if (!frozen) time += Math.max(0, ms);
    },
  };
  return { clock, waits, advance: (ms: number) => void (time += ms), now: () => time };
}

describe("RateLimiter schedule (injected clock)", () => {
  it("spaces consecutive calls exactly 1000/rate ms apart, the first without waiting", async () => {
    const { clock, waits, now } = virtualClock();
    const limiter = RateLimiter.perSecond(2, clock);
    const granted: number[] = [];
    for (let i = 0; i < 4; i++) {
      await limiter.acquire();
      granted.push(now());
    }
    expect(waits).toEqual([0, 500, 500, 500]);
    expect(granted).toEqual([1_000, 1_500, 2_000, 2_500]);
  });

  it("gives concurrent callers successive slots in call order", async () => {
    const { clock, waits } = virtualClock(1_000, true);
    const limiter = new RateLimiter(200, clock);
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    // All three asked at the same instant: slots at +0, +200, +400.
    expect(waits).toEqual([0, 200, 400]);
  });

  it("does not wait when the caller was idle for longer than the interval", async () => {
    const { clock, waits, advance } = virtualClock();
    const limiter = new RateLimiter(1_000, clock);
    await limiter.acquire();
    advance(1_500);
    await limiter.acquire();
    advance(400);
    await limiter.acquire();
    expect(waits).toEqual([0, 0, 600]);
  });

  it("waits on the real clock by default (a zero interval never delays)", async () => {
    const limiter = new RateLimiter(0);
    await expect(Promise.all([limiter.acquire(), limiter.acquire()])).resolves.toEqual([undefined, undefined]);
  });
});
