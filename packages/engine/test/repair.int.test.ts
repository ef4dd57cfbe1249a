import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { priceRowsOf } from "@scrilla/cache/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, recordedSeries, startHarness, WINDOW } from "./support/engine-harness.js";

const EXAMPLES = resolve(import.meta.dirname, "../../../examples/prices");

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("expected a rejection");
}

/** SPY closes in the window read straight from a CSV text (Date first, Close fifth), as the engine should. */
function closesFromCsv(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.trim().split("\n").slice(1)) {
    const cells = line.split(",");
    if (cells[0]! >= WINDOW.start && cells[0]! <= WINDOW.end) out[cells[0]!] = Number(cells[4]);
  }
  return out;
}

describe("repair: a bad source fails loudly, caches nothing, and a fixed source gives the right answer", () => {
  it("bad CSV → INVALID_INPUT naming file and line → repaired CSV → right answer, nothing cleared", async () => {
    const dir = join(harness.dir, "csv-repair");
    mkdirSync(dir, { recursive: true });
    const good = readFileSync(join(EXAMPLES, "SPY.csv"), "utf8");
    const lines = good.split("\n");
    const badLine = lines.findIndex((line) => line.startsWith("2021-09-01"));
    expect(badLine).toBeGreaterThan(0);
    const cells = lines[badLine]!.split(",");
    cells[4] = "0";
    lines[badLine] = cells.join(",");
    writeFileSync(join(dir, "SPY.csv"), lines.join("\n"));
    const sqlite = join(harness.dir, "csv-repair.db");
    const env = { PRICE_MANAGER: "csv", PRICE_DIR: dir, SQLITE_FILE: sqlite };

    const broken = await harness.open({ env });
    const error = await rejection(broken.run("prices", ["SPY"], WINDOW));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain(`${join(dir, "SPY.csv")} line ${badLine + 1}:`);
    expect(priceRowsOf(sqlite, "SPY")).toBe(0);

    writeFileSync(join(dir, "SPY.csv"), good);
    const repaired = await harness.open({ env });
    expect(await repaired.run("prices", ["SPY"], WINDOW)).toEqual({ SPY: closesFromCsv(good) });
  });

  it("an edited CSV is re-read for dates already cached, and profiles follow the new data", async () => {
    const dir = join(harness.dir, "csv-edit");
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(EXAMPLES, "SPY.csv"), join(dir, "SPY.csv"));
    const env = {
      PRICE_MANAGER: "csv",
      PRICE_DIR: dir,
      SQLITE_FILE: join(harness.dir, "csv-edit.db"),
      RISK_FREE_RATE: "0.01",
    };
    const first = await harness.open({ env });
    const before = (await first.run("prices", ["SPY"], WINDOW)) as { SPY: Record<string, number> };
    const profileBefore = await first.run("risk-profile", ["SPY"], WINDOW);

    const edited = readFileSync(join(dir, "SPY.csv"), "utf8")
      .split("\n")
      .map((line) => {
        const cells = line.split(",");
        if (cells[0] !== "2021-10-01") return line;
        cells[4] = String(Number(cells[4]) * 1.1);
        return cells.join(",");
      })
      .join("\n");
    writeFileSync(join(dir, "SPY.csv"), edited);
    const second = await harness.open({ env });
    const after = (await second.run("prices", ["SPY"], WINDOW)) as { SPY: Record<string, number> };
    expect(after).toEqual({ SPY: closesFromCsv(edited) });
    expect(Math.abs(after.SPY["2021-10-01"]! / before.SPY["2021-10-01"]! - 1.1)).toBeLessThan(1e-12);
    expect(await second.run("risk-profile", ["SPY"], WINDOW)).not.toEqual(profileBefore);
  });

  for (const [what, body, says] of [
    [
      "an empty AlphaVantage series",
      { "Meta Data": { "2. Symbol": "ALLY" }, "Time Series (Daily)": {} },
      /empty price series for ALLY/,
    ],
    [
      "a zero close in the AlphaVantage series",
      {
        "Meta Data": { "2. Symbol": "ALLY" },
        "Time Series (Daily)": {
          "2021-11-19": { "1. open": "1.0", "4. close": "2.0" },
          "2021-11-18": { "1. open": "1.0", "4. close": "0.0000" },
        },
      },
      /AlphaVantage ALLY 2021-11-18: the close 0 is not a price/,
    ],
  ] as const) {
    it(`${what} → PROVIDER_ERROR, no rows or marker stored → recovery → the recorded series`, async () => {
      const sqlite = join(harness.dir, `av-${what.length}.db`);
      harness.server.inject({
        kind: "body",
        service: "alphaVantage",
        body: JSON.stringify(body),
        contentType: "application/json",
      });
      const failing = await harness.open({ env: { SQLITE_FILE: sqlite } });
      const error = await rejection(failing.run("prices", ["ALLY"], WINDOW));
      expect(error.code).toBe("PROVIDER_ERROR");
      expect(error.message).toMatch(says);
      expect(priceRowsOf(sqlite, "ALLY")).toBe(0);

      const recovered = await harness.open({ env: { SQLITE_FILE: sqlite } });
      const expected = recordedSeries("ALLY");
      expect(await recovered.run("prices", ["ALLY"], WINDOW)).toEqual({
        ALLY: Object.fromEntries(expected.dates.map((date, i) => [date, expected.close[i]])),
      });
    });
  }
});
