import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CsvFolderPriceProvider } from "../src/index.js";
import { rejectionOf, tempDir } from "./support.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("csv");
  await writeFile(
    join(dir, "ACME.csv"),
    [
      "Date,Open,High,Low,Close,Adj Close,Volume",
      "2021-11-19,10.50,11.00,10.00,10.80,10.40,1000",
      "2021-11-17,10.00,10.60,9.90,10.20,9.82,1200",
      "2021-11-18,null,null,null,null,null,null",
      "2021-11-16,9.80,10.10,9.70,10.00,9.63,900",
    ].join("\n"),
  );
  await writeFile(
    join(dir, "PLAIN.csv"),
    "date,open,close\n2021-01-04,1.5,1.75\n2021-01-05,1.75,2\r\n2021-01-06,,2.25\n",
  );
  await writeFile(join(dir, "LOUD.csv"), "DATE,CLOSE\n2021-01-04,3\n");
  await writeFile(join(dir, "BROKEN.csv"), "Date,Close\n04/01/2021,3\n");
});

describe("CSV folder prices (PRICE_DIR)", () => {
  const provider = () => new CsvFolderPriceProvider({ dir });

  it("reads the Date,Open,High,Low,Close,Adj Close,Volume layout ascending, skipping null rows", async () => {
    expect(await provider().fetchDaily("acme", "equity", { start: "2021-11-01", end: "2021-11-30" })).toEqual([
      { date: "2021-11-16", open: 9.8, close: 10 },
      { date: "2021-11-17", open: 10, close: 10.2 },
      { date: "2021-11-19", open: 10.5, close: 10.8 },
    ]);
  });

  it("reads Adj Close when asked", async () => {
    const adjusted = new CsvFolderPriceProvider({ dir, adjusted: true });
    const bars = await adjusted.fetchDaily("ACME", "equity", { start: "2021-11-17", end: "2021-11-17" });
    expect(bars).toEqual([{ date: "2021-11-17", open: 10, close: 9.82 }]);
  });

  it("reads the plain date,open,close layout, with an empty open as null and CRLF lines", async () => {
    expect(await provider().fetchDaily("PLAIN", "crypto", { start: "2021-01-05", end: "2021-01-06" })).toEqual([
      { date: "2021-01-05", open: 1.75, close: 2 },
      { date: "2021-01-06", open: null, close: 2.25 },
    ]);
  });

  it("matches headers case-insensitively", async () => {
    expect(await provider().fetchDaily("LOUD", "equity", { start: "2021-01-01", end: "2021-01-31" })).toEqual([
      { date: "2021-01-04", open: null, close: 3 },
    ]);
  });

  it("a missing file is NOT_FOUND naming the path; a bad date is INVALID_INPUT naming the row", async () => {
    const missing = await rejectionOf(
      provider().fetchDaily("NONE", "equity", { start: "2021-01-01", end: "2021-01-31" }),
    );
    expect(missing).toMatchObject({ code: "NOT_FOUND" });
    expect(missing.message).toContain(join(dir, "NONE.csv"));
    const broken = await rejectionOf(
      provider().fetchDaily("BROKEN", "equity", { start: "2021-01-01", end: "2021-01-31" }),
    );
    expect(broken).toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("line 2") });
  });

  it("serves the prices of exactly the content its source version hashed, reading the file once", async () => {
    const file = join(dir, "EDITED.csv");
    await writeFile(file, "Date,Close\n2021-01-04,3\n");
    const edited = provider();
    const range = { start: "2021-01-01", end: "2021-01-31" };
    const version = await edited.sourceVersion("EDITED");
    await writeFile(file, "Date,Close\n2021-01-04,4\n");
    // The bytes read for the hash are handed to the first fetch, so hash and prices agree.
    expect(await edited.fetchDaily("EDITED", "equity", range)).toEqual([{ date: "2021-01-04", open: null, close: 3 }]);
    // Handed over once: a later fetch reads the file again.
    expect(await edited.fetchDaily("EDITED", "equity", range)).toEqual([{ date: "2021-01-04", open: null, close: 4 }]);
    expect(await new CsvFolderPriceProvider({ dir }).sourceVersion("EDITED")).not.toBe(version);
  });

  it("sourceText is the hashed content, shared with the next fetch, and follows edits; NOT_FOUND when absent", async () => {
    const file = join(dir, "SHARED.csv");
    await writeFile(file, "Date,Close\n2021-01-04,3\n");
    const shared = provider();
    const range = { start: "2021-01-01", end: "2021-01-31" };
    expect(await shared.sourceText("shared")).toBe("Date,Close\n2021-01-04,3\n");
    const version = await shared.sourceVersion("SHARED");
    // Another length, so the stamp changes: the new content gets a new hash and replaces the kept text.
    await writeFile(file, "Date,Close\n2021-01-04,30\n");
    expect(await shared.fetchDaily("SHARED", "equity", range)).toEqual([{ date: "2021-01-04", open: null, close: 3 }]);
    expect(await shared.sourceText("SHARED")).toBe("Date,Close\n2021-01-04,30\n");
    expect(await shared.sourceVersion("SHARED")).not.toBe(version);
    expect(await shared.fetchDaily("SHARED", "equity", range)).toEqual([{ date: "2021-01-04", open: null, close: 30 }]);
    expect(await rejectionOf(shared.sourceText("NOPE"))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses ticker names that are paths", async () => {
    expect(
      await rejectionOf(provider().fetchDaily("../etc/passwd", "equity", { start: "2021-01-01", end: "2021-01-31" })),
    ).toMatchObject({ code: "INVALID_INPUT" });
  });
});
