import { createHash } from "node:crypto";
import { mkdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CsvFolderPriceProvider, StampedFileCache } from "../src/index.js";
import { tempDir } from "./support.js";

const T0 = new Date("2024-03-01T12:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function put(path: string, text: string, mtime: Date): Promise<void> {
  await writeFile(path, text);
  await utimes(path, mtime, mtime);
}

const isString = (value: unknown): value is string => typeof value === "string";

describe("StampedFileCache (values derived from files, kept under their stamps)", () => {
  it("derives once per stamp, across instances sharing the JSON file", async () => {
    const dir = await tempDir("stamped");
    const file = join(dir, "static", "lengths.json");
    const path = join(dir, "a.txt");
    await put(path, "hello", at(0));
    let derived = 0;
    const length = async () => {
      derived++;
      return String((await readFile(path, "utf8")).length);
    };
    const first = new StampedFileCache({ file, isValue: isString });
    expect(await first.get(path, length)).toBe("5");
    expect(await first.get(path, length)).toBe("5");
    await first.flushed();
    expect(derived).toBe(1);

    expect(await new StampedFileCache({ file, isValue: isString }).get(path, length)).toBe("5");
    expect(derived).toBe(1);

    await put(path, "hello, world", at(0)); // new size
    expect(await new StampedFileCache({ file, isValue: isString }).get(path, length)).toBe("12");
    await put(path, "HELLO, WORLD", at(1)); // same size, new mtime
    const third = new StampedFileCache({ file, isValue: isString });
    expect(await third.get(path, async () => "derived again")).toBe("derived again");
    expect(derived).toBe(2);
  });

  it("undefined for a missing file; values the guard rejects and a corrupt file are derived again", async () => {
    const dir = await tempDir("stamped");
    const file = join(dir, "cache.json");
    const path = join(dir, "a.txt");
    await put(path, "x", at(0));
    const cache = new StampedFileCache({ file, isValue: isString });
    expect(await cache.get(join(dir, "missing.txt"), async () => "never")).toBeUndefined();

    const { ino, size } = await stat(path);
    const stamp = `${ino}:${size}:${at(0).getTime()}`;
    await writeFile(file, JSON.stringify({ [path]: { stamp, value: 42 } }));
    expect(await new StampedFileCache({ file, isValue: isString }).get(path, async () => "fresh")).toBe("fresh");
    await writeFile(file, "[");
    expect(await new StampedFileCache({ file, isValue: isString }).get(path, async () => "again")).toBe("again");
  });
});

describe("content hashes of price files (sourceVersion), remembered between runs", () => {
  it("a later provider answers from the hash file without reading the price file, until it changes", async () => {
    const dir = await tempDir("hashes");
    const prices = join(dir, "prices");
    await mkdir(prices);
    const hashCacheFile = join(dir, "static", "csv-content-hashes.json");
    const path = join(prices, "ACME.csv");
    const text = "Date,Close\n2021-01-04,1\n2021-01-05,2\n";
    await put(path, text, at(0));
    const sha = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 16);

    const cold = new CsvFolderPriceProvider({ dir: prices, hashCacheFile });
    expect(await cold.sourceVersion("acme")).toBe(sha(text));
    expect(await cold.sourceVersion("NONE")).toBe("missing");
    // Let the batched write land before the next "run".
    for (let i = 0; i < 100 && !(await readFile(hashCacheFile, "utf8").catch(() => "")); i++) {
      await new Promise((resolve) => setImmediate(resolve));
    }

    const garbage = "X".repeat(text.length); // same size and mtime: only a run that reads it would notice
    await put(path, garbage, at(0));
    expect(await new CsvFolderPriceProvider({ dir: prices, hashCacheFile }).sourceVersion("ACME")).toBe(sha(text));

    await put(path, garbage, at(1));
    expect(await new CsvFolderPriceProvider({ dir: prices, hashCacheFile }).sourceVersion("ACME")).toBe(sha(garbage));
  });
});
