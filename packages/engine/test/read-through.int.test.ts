import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, TODAY, WINDOW } from "./support/engine-harness.js";

const CHILD = fileURLToPath(new URL("./support/run-command-child.mjs", import.meta.url));

/** Runs a command in a separate Node process on the harness's environment (the built engine). */
async function runInNewProcess(h: Harness, command: string, symbols: string[], options: object): Promise<unknown> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [CHILD, JSON.stringify([command, symbols, options, TODAY])],
    {
      env: { ...process.env, ...h.env },
    },
  );
  return JSON.parse(stdout);
}

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());

const priceRequests = (h: Harness) => h.server.count({ service: "alphaVantage" });

describe("read-through cache (memory → SQLite → provider)", () => {
  it("a repeated request makes no HTTP call, in the same process or a new one on the same file", async () => {
    const first = await harness.open();
    const answer = await first.run("risk-profile", ["ALLY", "BX"], WINDOW);
    const afterFirst = harness.server.count();
    expect(afterFirst).toBeGreaterThan(0);

    expect(await first.run("risk-profile", ["ALLY", "BX"], WINDOW)).toEqual(answer);
    expect(await first.run("prices", ["ALLY"], WINDOW)).toBeDefined();
    expect(harness.server.requests.slice(afterFirst).map((r) => r.url)).toEqual([]);

    await first.close();
    // A new engine (as a new process would) on the same SQLite file, with a fresh symbol-list folder.
    const second = await harness.open({ env: { SCRILLA_HOME: `${harness.dir}/home` } });
    expect(await second.run("risk-profile", ["ALLY", "BX"], WINDOW)).toEqual(answer);
    expect(harness.server.count()).toBe(afterFirst);

    // And a separate Node process on the same SQLite file.
    expect(await runInNewProcess(harness, "risk-profile", ["ALLY", "BX"], WINDOW)).toEqual(answer);
    expect(harness.server.count()).toBe(afterFirst);
  });

  it("a window with provider gaps (weekends, holidays) is fetched once, not on every call", async () => {
    const engine = await harness.open();
    // Thanksgiving 2020 and its weekend: the provider has no rows for several days inside the window.
    const window = { start: "2020-11-20", end: "2020-12-04" };
    await engine.run("prices", ["DIS"], window);
    const once = priceRequests(harness);
    await engine.run("prices", ["DIS"], window);
    await engine.run("prices", ["DIS"], { start: "2020-11-25", end: "2020-11-30" });
    expect(priceRequests(harness)).toBe(once);
    // Widening the window asks the provider again, once.
    await engine.run("prices", ["DIS"], { start: "2020-11-02", end: "2020-12-04" });
    expect(priceRequests(harness)).toBe(once + 1);
    await engine.run("prices", ["DIS"], { start: "2020-11-02", end: "2020-12-04" });
    expect(priceRequests(harness)).toBe(once + 1);
  });

  it("yields are cached too: the risk-free rate asks the Treasury once", async () => {
    const engine = await harness.open();
    await engine.run("risk-free", [], {});
    const treasury = harness.server.count({ service: "treasury" });
    await engine.run("risk-free", [], {});
    await engine.run("interest", ["TEN_YEAR"], { start: "2021-11-10", end: "2021-11-18" });
    expect(harness.server.count({ service: "treasury" })).toBe(treasury);
  });
});

describe("statistics that depend on the risk-free rate", () => {
  it("a cached profile answers with the current rate, not the one it was first computed with", async () => {
    const engine = await harness.open();
    const [sharpeAtTreasury] = Object.values(
      (await engine.run("sharpe-ratio", ["ALLY"], WINDOW)) as Record<string, number>,
    );
    const fixedRate = await harness.open({ env: { RISK_FREE_RATE: "0.05" } });
    const profile = (await fixedRate.run("risk-profile", ["ALLY"], WINDOW)) as Record<
      string,
      { annual_return: number; annual_volatility: number; sharpe_ratio: number }
    >;
    const { annual_return, annual_volatility, sharpe_ratio } = profile.ALLY!;
    expect(sharpe_ratio).toBeCloseTo((annual_return - 0.05) / annual_volatility, 12);
    expect(sharpe_ratio).not.toBeCloseTo(sharpeAtTreasury!, 6);
  });
});
