import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvRow, parseSimpleCsv } from "../src/simple-csv.js";

/** csv-parse with the options the CSV price provider uses: the reference the fast path must equal. */
function reference(text: string): CsvRow[] | Error {
  try {
    const rows: { record: Record<string, string>; info: { lines: number } }[] = parse(text, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    });
    return rows.map(({ record, info }) => ({ record, info: { lines: info.lines } }));
  } catch (error) {
    return error as Error;
  }
}

describe("parseSimpleCsv (price files without quotes)", () => {
  it("reads a download like csv-parse does: BOM, CRLF, padded fields, blank lines, null markers", () => {
    const text = "\uFEFFDate, Open ,Close\r\n2021-01-04, 1.5 ,2\r\n\r\n2021-01-05,null, 3 \r\n";
    expect(parseSimpleCsv(text)).toEqual([
      { record: { date: "2021-01-04", open: "1.5", close: "2" }, info: { lines: 2 } },
      { record: { date: "2021-01-05", open: "null", close: "3" }, info: { lines: 4 } },
    ]);
    expect(parseSimpleCsv(text)).toEqual(reference(text));
  });

  it("declines what needs a real parser: quotes, ragged rows, repeated columns, tabs, non-ASCII", () => {
    for (const text of [
      'Date,Close\n"2021-01-04",1\n',
      "Date,Close\n2021-01-04,1,9\n",
      "Date,Date\n2021-01-04,1\n",
      "Date,Close\n2021-01-04,\t1\n",
      "Date,Close\n2021-01-04,1\u00a0\n",
      "Date,Close\r2021-01-04,1\r",
      "Date,Close\n   \n2021-01-04,1\n",
    ]) {
      expect(parseSimpleCsv(text)).toBeUndefined();
    }
  });

  it("equals csv-parse on every text it accepts (random CSV-like text)", () => {
    // Mostly well-formed rows of one width; now and then a quote, tab, CR or stray comma to be declined.
    const cell = fc.oneof(
      { weight: 9, arbitrary: fc.stringMatching(/^[ a-zA-Z0-9.-]{0,6}$/) },
      { weight: 1, arbitrary: fc.stringMatching(/^[ a-z0-9,"\t\r]{0,4}$/) },
    );
    const texts = fc
      .integer({ min: 1, max: 4 })
      .chain((width) =>
        fc
          .tuple(
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
            fc.constantFrom("\n", "\r\n"),
          )
          .map(([rows, lineEnd]) => rows.map((fields) => fields.join(",")).join(lineEnd)),
      );
    let accepted = 0;
    fc.assert(
      fc.property(texts, (text) => {
        const fast = parseSimpleCsv(text);
        if (fast === undefined) return;
        accepted++;
        expect(fast).toEqual(reference(text));
      }),
      { numRuns: 2_000, seed: 15 },
    );
    expect(accepted).toBeGreaterThan(300);
  });
});
