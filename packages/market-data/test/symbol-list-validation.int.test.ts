import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarketData, SymbolLists } from "../src/index.js";
import { type Harness, readRecorded, rejectionOf, startHarness, TEST_KEY, tempDir } from "./support.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.server.close());

const marketWith = (staticDir: string) =>
  createMarketData({
    urls: harness.server.urls,
    env: { ALPHA_VANTAGE_KEY: TEST_KEY },
    staticDir,
    alphaVantage: { minIntervalMs: 0 },
    http: { retries: 0 },
  });

describe("symbol lists are validated before they are stored", () => {
  it("a crypto list cut mid-line → PROVIDER_ERROR, nothing stored → the next run stores the whole list, BTC is crypto", async () => {
    const staticDir = await tempDir("lists-cut");
    const whole = await readRecorded("alphavantage", "digital_currency_list.csv");
    const cut = whole.slice(0, whole.indexOf("BTC") + 2); // "...\nBT": the last row lost its name column
    harness.server.inject({ kind: "body", service: "alphaVantageCryptoMeta", body: cut, contentType: "text/csv" });
    const error = await rejectionOf(marketWith(staticDir).assetTypes.resolve("BTC"));
    expect(error).toMatchObject({ code: "PROVIDER_ERROR", message: expect.stringContaining("cut off or damaged") });
    await expect(readFile(join(staticDir, "crypto.json"), "utf8")).rejects.toMatchObject({ code: "ENOENT" });

    expect(await marketWith(staticDir).assetTypes.resolve("BTC")).toBe("crypto");
    const stored = JSON.parse(await readFile(join(staticDir, "crypto.json"), "utf8")) as { symbols: string[] };
    const expected = whole
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[0]);
    expect(stored.symbols).toEqual(expected);
  });

  it("a refresh with under half the held symbols is refused and the held list stays on disk", async () => {
    const staticDir = await tempDir("lists-shrunk");
    let clock = Date.parse("2024-01-01T00:00:00Z");
    const lists = () =>
      new SymbolLists({ client: marketWith(staticDir).alphaVantage, cacheDir: staticDir, now: () => clock });
    await lists().symbols("crypto");
    const held = await readFile(join(staticDir, "crypto.json"), "utf8");
    expect((JSON.parse(held) as { symbols: string[] }).symbols.length).toBeGreaterThanOrEqual(3);
    clock += 8 * 24 * 60 * 60 * 1000; // past the 7-day default age: the held list is stale
    harness.server.inject({
      kind: "body",
      service: "alphaVantageCryptoMeta",
      body: "currency code,currency name\nBTC,Bitcoin\n",
      contentType: "text/csv",
    });
    const error = await rejectionOf(lists().symbols("crypto"));
    expect(error).toMatchObject({ code: "PROVIDER_ERROR", message: expect.stringContaining("less than half") });
    expect(await readFile(join(staticDir, "crypto.json"), "utf8")).toBe(held);
    expect(await lists().symbols("crypto")).toContain("ETH");
  });
});
