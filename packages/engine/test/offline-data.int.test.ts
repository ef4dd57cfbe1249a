import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../src/index.js";
import { type Harness, startHarness, TODAY } from "./support/engine-harness.js";

// DATA_DIR=examples (the bundled offline files) against the same recordings served over HTTP:
// every data command must answer as it does online with today pinned to the data's last day.
const EXAMPLES = resolve(import.meta.dirname, "../../../examples");

let harness: Harness;
let online: Engine;
let offline: Engine;
const infos: string[] = [];

beforeAll(async () => {
  harness = await startHarness();
  online = await harness.open({ env: { FRED_KEY: "test" } });
  offline = await createEngine({
    env: {
      DATA_DIR: EXAMPLES,
      SQLITE_FILE: join(harness.dir, "offline.db"),
      SCRILLA_HOME: join(harness.dir, "offline-home"),
      // Unreachable on purpose: any request would fail the test.
      ALPHA_VANTAGE_URL: "http://127.0.0.1:9/query",
      TREASURY_URL: "http://127.0.0.1:9",
      FRED_URL: "http://127.0.0.1:9/fred",
      HTTP_RETRIES: "0",
    },
    logger: { debug() {}, info: (message) => infos.push(message), warn() {} },
  });
});
afterAll(async () => {
  await offline?.close();
  await harness.close();
});

describe("DATA_DIR=examples works offline", () => {
  it.each([
    ["close", ["SPY", "ALLY"], {}],
    ["risk-profile", ["SPY", "GLD"], {}],
    ["dividends", ["ALLY", "BX", "DIS"], {}],
    ["discount-dividend-model", ["ALLY", "BX"], { discount: 0.05 }],
    ["discount-dividend-model", ["ALLY"], {}],
    ["screen", ["ALLY", "BX"], { discount: 0.05 }],
    ["screen", ["ALLY", "BX", "SPY"], { criteria: "sharpe" }],
    ["interest", ["ONE_MONTH", "TEN_YEAR"], {}],
    ["interest", ["THIRTY_YEAR"], { start: "2021-03-01", end: "2021-04-30" }],
    ["yield-curve", [], {}],
    ["yield-curve", [], { start: "2021-07-05" }],
    ["risk-free", [], {}],
    ["stat", ["DGS10"], {}],
    ["stats", ["DGS10"], { start: "2021-06-01", end: "2021-07-15" }],
  ] as [string, string[], Record<string, unknown>][])(
    "%s %j %j answers as online",
    async (command, symbols, options) => {
      const answer = await offline.run(command, symbols, options);
      expect(answer).toEqual(await online.run(command, symbols, options));
    },
  );

  it("today is the data's last day, said once at info level", async () => {
    expect(await offline.run("close", ["SPY"], {})).toEqual({ SPY: 468.89 });
    const notes = infos.filter((message) => message.includes("latest date in PRICE_DIR"));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(TODAY);
    expect(notes[0]).toContain("SCRILLA_TODAY");
  });

  it("a pinned today wins over the data's last day, and nothing is said", async () => {
    const said: string[] = [];
    const pinned = await createEngine({
      env: { DATA_DIR: EXAMPLES, SQLITE_FILE: join(harness.dir, "pinned.db") },
      today: "2021-10-01",
      logger: { debug() {}, info: (message) => said.push(message), warn() {} },
    });
    try {
      const prices = (await pinned.run("prices", ["SPY"], { start: "2021-09-27", end: "2021-10-01" })) as {
        SPY: Record<string, number>;
      };
      expect(await pinned.run("close", ["SPY"], {})).toEqual({ SPY: prices.SPY["2021-10-01"] });
      expect(said.filter((message) => message.includes("PRICE_DIR"))).toEqual([]);
    } finally {
      await pinned.close();
    }
  });

  it("a window without Treasury data names RISK_FREE_RATE", async () => {
    await expect(offline.run("risk-free", [], { end: "2021-01-15" })).rejects.toMatchObject({
      code: "NO_PRICES",
      message: expect.stringContaining("RISK_FREE_RATE"),
    });
  });
});

describe("optimize-cvar", () => {
  const options = { start: "2021-07-14", end: "2021-11-19", probability: 0.05, expiry: 0.5 };

  it("gives the CVaR as a fraction, and in money only with an investment (fraction × invested total)", async () => {
    const plain = await offline.run("optimize-cvar", ["ALLY", "BX", "SPY"], options);
    // 1 − E[S_T | tail] per unit invested: negative when even the tail gains (BX's drift here).
    expect(Math.abs(plain.conditional_value_at_risk!)).toBeLessThan(1);
    expect(plain).not.toHaveProperty("conditional_value_at_risk_loss");
    const invested = await offline.run("optimize-cvar", ["ALLY", "BX", "SPY"], {
      ...options,
      investment: 10_000,
    });
    expect(invested.conditional_value_at_risk).toBe(plain.conditional_value_at_risk);
    expect(invested.conditional_value_at_risk_loss).toBeCloseTo(plain.conditional_value_at_risk! * invested.total!, 9);
  });
});
