import { describe, expect, it } from "vitest";
import { mapConcurrently } from "../src/data/map-concurrently.js";

describe("mapConcurrently", () => {
  it("keeps input order and never runs more than the limit at once", async () => {
    for (const limit of [1, 3, 100]) {
      let running = 0;
      let most = 0;
      const out = await mapConcurrently([5, 1, 4, 2, 3, 7, 6], limit, async (n, i) => {
        running++;
        most = Math.max(most, running);
        // Items finish in another order than they started: n microtask turns each.
        for (let k = 0; k < n; k++) await Promise.resolve();
        running--;
        return `${i}:${n}`;
      });
      expect(out).toEqual(["0:5", "1:1", "2:4", "3:2", "4:3", "5:7", "6:6"]);
      expect(most).toBe(Math.min(limit, 7));
    }
  });

  it("rejects with the first failure; an empty list gives an empty answer", async () => {
    await expect(
      mapConcurrently([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error("two");
        return n;
      }),
    ).rejects.toThrow("two");
    expect(await mapConcurrently([], 4, async (n: number) => n)).toEqual([]);
  });
});
