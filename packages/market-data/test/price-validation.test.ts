import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CsvFolderPriceProvider, MAX_PRICE } from "../src/index.js";
import { rejectionOf, tempDir } from "./support.js";

const RANGE = { start: "2021-01-01", end: "2021-12-31" };
const HEADER = "Date,Open,Close";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("csv-validation");
});

async function read(name: string, lines: string[]) {
  await writeFile(join(dir, `${name}.csv`), lines.join("\n"));
  return new CsvFolderPriceProvider({ dir }).fetchDaily(name, "equity", RANGE);
}

/** Each bad file and the line number its error must name (1-based, header is line 1). */
const BAD_FILES: Array<{ name: string; lines: string[]; line: number; says: RegExp }> = [
  { name: "ZEROCLOSE", lines: [HEADER, "2021-01-04,1,2", "2021-01-05,1,0"], line: 3, says: /close 0 is not a price/ },
  { name: "NEGATIVE", lines: [HEADER, "2021-01-04,1,-2"], line: 2, says: /close -2 is not a price/ },
  { name: "HUGE", lines: [HEADER, "2021-01-04,1,2", "2021-01-05,1,1e308"], line: 3, says: /close 1e\+308/ },
  { name: "INFINITE", lines: [HEADER, "2021-01-04,1,Infinity"], line: 2, says: /close Infinity/ },
  { name: "BADOPEN", lines: [HEADER, "2021-01-04,0,2"], line: 2, says: /open 0 is not a price/ },
  {
    name: "FEB30",
    lines: [HEADER, "2021-01-04,1,2", "2021-02-30,1,2"],
    line: 3,
    says: /"2021-02-30" is not a real date/,
  },
  { name: "TEXTCLOSE", lines: [HEADER, "2021-01-04,1,abc"], line: 2, says: /close "abc" is not a number/ },
  {
    name: "CONFLICT",
    lines: [HEADER, "2021-01-04,1,2", "2021-01-05,1,3", "", "2021-01-04,1,2.5"],
    line: 5,
    says: /2021-01-04 appears twice with different prices \(also .* line 2\)/,
  },
];

describe("CSV rows are validated before anything is returned (file and line named)", () => {
  for (const { name, lines, line, says } of BAD_FILES) {
    it(`${name}: INVALID_INPUT at line ${line}`, async () => {
      const error = await rejectionOf(read(name, lines));
      expect(error).toMatchObject({ code: "INVALID_INPUT" });
      expect(error.message).toContain(`${join(dir, `${name}.csv`)} line ${line}:`);
      expect(error.message).toMatch(says);
    });
  }

  it("a header-only file is an error, not an empty answer", async () => {
    const error = await rejectionOf(read("EMPTY", [HEADER]));
    expect(error).toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("has no price rows") });
  });

  it("a bad row outside the requested range still fails: the file is checked whole", async () => {
    await writeFile(join(dir, "OLDBAD.csv"), [HEADER, "2019-01-04,1,-1", "2021-01-04,1,2"].join("\n"));
    const provider = new CsvFolderPriceProvider({ dir });
    expect(await rejectionOf(provider.fetchDaily("OLDBAD", "equity", RANGE))).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("an exact repeated row is kept once; the result is strictly increasing; the maximum price is accepted", async () => {
    const bars = await read("REPEAT", [
      HEADER,
      "2021-01-05,1,3",
      "2021-01-04,1,2",
      "2021-01-05,1,3",
      `2021-01-06,,${MAX_PRICE}`,
    ]);
    expect(bars).toEqual([
      { date: "2021-01-04", open: 1, close: 2 },
      { date: "2021-01-05", open: 1, close: 3 },
      { date: "2021-01-06", open: null, close: MAX_PRICE },
    ]);
    for (let i = 1; i < bars.length; i++) expect(bars[i]!.date > bars[i - 1]!.date).toBe(true);
  });
});
