import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it } from "vitest";
import { makeDirectories, SqliteCacheStore } from "../src/index.js";
import { expectScrillaError } from "./support/expect-error.js";

const dir = mkdtempSync(join(tmpdir(), "scrilla-foreign-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("another program's SQLite file is checked before anything in it changes", () => {
  it("refused with CACHE_ERROR; the bytes, the journal mode (header byte 18) and the directory are untouched", async () => {
    const file = join(dir, "python-scrilla.db");
    const db = new DatabaseSync(file);
    db.exec(
      "PRAGMA journal_mode = DELETE; CREATE TABLE prices (ticker TEXT, date TEXT, close REAL); INSERT INTO prices VALUES ('SPY', '2021-11-19', 468.89)",
    );
    db.close();
    const before = sha(file);
    expect(readFileSync(file)[18]).toBe(1); // 1 = rollback journal, 2 = WAL
    await expectScrillaError(
      Promise.resolve().then(() => new SqliteCacheStore({ file })),
      "CACHE_ERROR",
    );
    expect(sha(file)).toBe(before);
    expect(readFileSync(file)[18]).toBe(1);
    expect(existsSync(`${file}-wal`) || existsSync(`${file}-shm`) || existsSync(`${file}-journal`)).toBe(false);
  });
});

describe("makeDirectories", () => {
  it("creates nested directories, accepts existing ones, and fails at once where a component cannot be made", () => {
    const nested = join(dir, "a", "b", "c");
    makeDirectories(nested);
    makeDirectories(nested);
    expect(existsSync(nested)).toBe(true);
    expect(() => makeDirectories("/proc/scrilla-cannot/x")).toThrow(/ENOENT|EACCES|EPERM/);
    writeFileSync(join(dir, "plain-file"), "");
    expect(() => makeDirectories(join(dir, "plain-file", "x"))).toThrow(/not a directory/);
  });
});
