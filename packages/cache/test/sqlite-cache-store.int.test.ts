import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it } from "vitest";
import { defaultSqliteFile, SQLITE_SCHEMA_VERSION, SqliteCacheStore } from "../src/index.js";
import { describeCacheStoreContract } from "./support/cache-store-contract.js";
import { expectScrillaError } from "./support/expect-error.js";
import { syntheticPrices } from "./support/fixture-prices.js";

const dir = mkdtempSync(join(tmpdir(), "scrilla-sqlite-"));
let files = 0;
const newFile = () => join(dir, `cache-${++files}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeCacheStoreContract("sqlite", async () => new SqliteCacheStore({ file: newFile() }));

describe("SqliteCacheStore", () => {
  it("creates the file in WAL mode with the current schema version, in a new directory", async () => {
    const file = join(dir, "nested", "deeper", "scrilla.db");
    const store = new SqliteCacheStore({ file });
    await store.close();
    const db = new DatabaseSync(file);
    expect(db.prepare("PRAGMA journal_mode").get()).toEqual({ journal_mode: "wal" });
    expect(db.prepare("PRAGMA user_version").get()).toEqual({ user_version: SQLITE_SCHEMA_VERSION });
    db.close();
    // Re-opening an existing, current file keeps its data.
    const again = new SqliteCacheStore({ file });
    await again.putPrices("SPY", [{ date: "2024-01-02", open: 1, close: 2 }]);
    await again.close();
    const third = new SqliteCacheStore({ file });
    expect(await third.getPrices("SPY", { start: "2024-01-02", end: "2024-01-02" })).toHaveLength(1);
    await third.close();
  });

  it("writes batches of any length, a date given twice keeping its last row, as one run per row would", async () => {
    const store = new SqliteCacheStore({ file: newFile() });
    // Around the 64-row statement batches: under, at, just over and several batches plus a remainder.
    for (const length of [1, 63, 64, 65, 200]) {
      const ticker = `LEN${length}`;
      const rows = syntheticPrices(length, "2001-01-01");
      // Repeat an earlier date with other prices: one inside the first batch, one in the remainder.
      const repeated = [...rows, { ...rows[0]!, close: 7 }, { ...rows[length >> 1]!, open: null, close: 9 }];
      await store.putPrices(ticker, repeated);
      const expected = new Map(repeated.map((row) => [row.date, row]));
      const got = await store.getPrices(ticker, { start: "2001-01-01", end: "2001-12-31" });
      expect(got, `${length} rows`).toEqual([...expected.values()].sort((a, b) => (a.date < b.date ? -1 : 1)));
    }
    await store.close();
  });

  it("rolls back the whole batch when a row fails in the middle (nothing partial)", async () => {
    const file = newFile();
    const store = new SqliteCacheStore({ file });
    await store.putPrices("SPY", [{ date: "2020-01-01", open: 1, close: 1 }]);
    // A real SQLite failure mid-batch: a trigger aborts the insert of one specific row.
    const saboteur = new DatabaseSync(file);
    saboteur.exec(`CREATE TRIGGER fail_midway BEFORE INSERT ON prices WHEN NEW.date = '1990-02-20'
      BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    const rows = syntheticPrices(100, "1990-01-01"); // 1990-02-20 is row 50
    const message = await expectScrillaError(
      store.putPrices("SPY", rows, { start: "1990-01-01", end: "1990-04-10" }),
      "CACHE_ERROR",
    );
    expect(message).toContain("injected failure");
    expect(await store.getPrices("SPY", { start: "1990-01-01", end: "1990-12-31" })).toEqual([]);
    expect(await store.getFetchedRanges("prices", "SPY")).toEqual([]);
    saboteur.exec("DROP TRIGGER fail_midway");
    saboteur.close();
    await store.putPrices("SPY", rows);
    expect(await store.getPrices("SPY", { start: "1990-01-01", end: "1990-12-31" })).toHaveLength(100);
    expect(await store.getPrices("SPY", { start: "2020-01-01", end: "2020-01-01" })).toHaveLength(1);
    await store.close();
  });

  it("reports a corrupt file as CACHE_ERROR saying what to do", () => {
    const file = newFile();
    writeFileSync(file, Buffer.alloc(16_384, 0x5a));
    let error: unknown;
    try {
      new SqliteCacheStore({ file });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: "CACHE_ERROR" });
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/not a valid scrilla cache.*SQLITE_FILE/);
  });

  it("refuses a file from a newer schema or another program", () => {
    const newer = newFile();
    const db = new DatabaseSync(newer);
    db.exec(`PRAGMA user_version = ${SQLITE_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new SqliteCacheStore({ file: newer })).toThrowError(/newer than this scrilla understands/);

    const foreign = newFile();
    const legacy = new DatabaseSync(foreign);
    legacy.exec("CREATE TABLE prices (ticker text, date text, open real, close real)");
    legacy.close();
    expect(() => new SqliteCacheStore({ file: foreign })).toThrowError(/tables scrilla did not create/);
  });

  it("loses nothing when two processes write the same file at once", async () => {
    const file = newFile();
    new SqliteCacheStore({ file }).close();
    const worker = new URL("./support/sqlite-writer-process.ts", import.meta.url).pathname;
    // Each writer waits halfway for the other's first commit, so their transactions really interleave.
    const run = (ticker: string, partner: string) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", worker, file, ticker, "100", "20", partner], {
          stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        child.stdout.on("data", (chunk) => (output += chunk));
        child.stderr.on("data", (chunk) => (output += chunk));
        child.on("exit", (code) =>
          code === 0 ? resolve(output) : reject(new Error(`writer ${ticker} exited ${code}: ${output}`)),
        );
      });
    const spans = (await Promise.all([run("AAA", "BBB"), run("BBB", "AAA")])).map(
      (output) => JSON.parse(output) as number[],
    );
    const [[firstStart, firstEnd], [secondStart, secondEnd]] = spans as [[number, number], [number, number]];
    expect(firstStart < secondEnd && secondStart < firstEnd, `writers did not overlap: ${JSON.stringify(spans)}`).toBe(
      true,
    );
    const store = new SqliteCacheStore({ file });
    const all = { start: "1900-01-01", end: "2100-12-31" };
    for (const ticker of ["AAA", "BBB"]) {
      expect(await store.getPrices(ticker, all)).toHaveLength(100 * 20);
      expect(await store.getFetchedRanges("prices", ticker)).toHaveLength(1);
    }
    const profiles = await Promise.all(
      ["AAA", "BBB"].map((ticker) =>
        store.getProfile({
          ticker: "SHARED",
          startDate: "2020-01-01",
          endDate: "2020-12-31",
          method: ticker,
          weekends: false,
        }),
      ),
    );
    expect(profiles).toEqual([{ annual_return: 100 }, { annual_return: 100 }]);
    await store.close();
  });
});

describe("defaultSqliteFile", () => {
  it("honours SQLITE_FILE, then Lambda's /tmp, then XDG_DATA_HOME, then the platform's data directory", () => {
    expect(defaultSqliteFile({ SQLITE_FILE: "/data/x.db" }, "linux", "/home/u")).toBe("/data/x.db");
    expect(defaultSqliteFile({ AWS_LAMBDA_FUNCTION_NAME: "f" }, "linux", "/home/u")).toBe(
      "/tmp/scrilla/cache/scrilla.db",
    );
    expect(defaultSqliteFile({ XDG_DATA_HOME: "/xdg" }, "linux", "/home/u")).toBe("/xdg/scrilla/cache/scrilla.db");
    expect(defaultSqliteFile({ XDG_DATA_HOME: "relative" }, "linux", "/home/u")).toBe(
      "/home/u/.local/share/scrilla/cache/scrilla.db",
    );
    expect(defaultSqliteFile({}, "darwin", "/Users/u")).toBe(
      "/Users/u/Library/Application Support/scrilla/cache/scrilla.db",
    );
  });
});
