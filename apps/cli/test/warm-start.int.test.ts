import { cpSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonOf } from "./support/cli-harness.js";
import { EXAMPLES, type OfflineWorld, startOfflineWorld } from "./support/offline-world.js";

// A warm start on a price folder (PRICE_MANAGER=csv) opens no price file: the folder's latest day, each
// file's asset type and content hash are remembered under the file's stamp (inode, size, mtime). Proved by
// overwriting every file with same-size garbage under its old stamp: only a run that read one would notice.
let world: OfflineWorld;
let prices: string;
const ARGS = ["risk-profile", "SPY", "GLD", "--json"];

beforeAll(async () => {
  world = await startOfflineWorld();
  prices = join(world.dir, "prices");
  cpSync(join(EXAMPLES, "prices"), prices, { recursive: true });
  for (const name of readdirSync(prices)) utimesSync(join(prices, name), T0, T0);
});
afterAll(() => world.close());

// Whole seconds: a sub-millisecond mtime read back and set again can land on a neighbouring millisecond.
const T0 = new Date("2024-03-01T12:00:00Z");

/** Same size, same mtime, content that is no CSV: a run that reads the file fails on it. */
function spoilKeepingStamp(path: string): void {
  writeFileSync(path, "#".repeat(statSync(path).size));
  utimesSync(path, T0, T0);
}

describe("a warm start on a CSV price folder", () => {
  it("reads no price file; an edited file (new mtime) is read again", async () => {
    const env = { PRICE_DIR: prices };
    const cold = await world.run(ARGS, env);
    expect(cold.code, cold.stderr).toBe(0);
    const staticDir = join(world.env.SCRILLA_HOME!, "static");
    for (const name of ["csv-latest-dates.json", "csv-content-hashes.json", "csv-asset-types.json"]) {
      expect(Object.keys(JSON.parse(readFileSync(join(staticDir, name), "utf8"))).length).toBeGreaterThan(0);
    }

    const csvs = readdirSync(prices).filter((name) => name.endsWith(".csv"));
    expect(csvs.length).toBeGreaterThanOrEqual(5);
    for (const name of csvs) spoilKeepingStamp(join(prices, name));
    const warm = await world.run(ARGS, env);
    expect(warm.code, warm.stderr).toBe(0);
    expect(jsonOf(warm)).toEqual(jsonOf(cold));

    // A new mtime on a spoilt file: the next run must read it, and says what is wrong with it.
    const spy = join(prices, "SPY.csv");
    const later = new Date(T0.getTime() + 60_000);
    utimesSync(spy, later, later);
    const edited = await world.run(ARGS, env);
    expect(edited.code).not.toBe(0);
    expect(edited.stderr).toContain("SPY.csv");
  });
});
