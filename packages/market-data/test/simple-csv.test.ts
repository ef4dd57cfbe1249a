import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSimpleCsvColumns, type SimpleCsvColumns } from "../src/simple-csv.js";

/**
 * csv-parse with the options the CSV price provider uses, projected on the columns asked for: the reference
 * the simple reader must equal.
 */
function reference(text: string, names: readonly string[]): SimpleCsvColumns | Error {
  try {
    const rows: { record: Record<string, string>; info: { lines: number } }[] = parse(text, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    });
    const header = Object.keys(rows[0]?.record ?? {});
    return {
      cells: new Map(
        names.map((name) => [name, header.includes(name) ? rows.map((row) => row.record[name]!) : undefined]),
      ),
      lines: rows.map((row) => row.info.lines),
    };
  } catch (error) {
    return error as Error;
  }
}

describe("parseSimpleCsvColumns (price files without quotes)", () => {
  it("reads a download like csv-parse does: BOM, CRLF, padded fields, blank lines, null markers", () => {
    const text = "\uFEFFDate, Open ,Close\r\n2021-01-04, 1.5 ,2\r\n\r\n2021-01-05,null, 3 \r\n";
    const names = ["date", "close", "open", "volume"];
    expect(parseSimpleCsvColumns(text, names)).toEqual({
      cells: new Map([
        ["date", ["2021-01-04", "2021-01-05"]],
        ["close", ["2", "3"]],
        ["open", ["1.5", "null"]],
        ["volume", undefined],
      ]),
      lines: [2, 4],
    });
    expect(parseSimpleCsvColumns(text, names)).toEqual(reference(text, names));
  });

  it("declines what needs a real parser: quotes, ragged rows, repeated columns, tabs, non-ASCII", () => {
    for (const text of [
      'Date,Close\n"2021-01-04",1\n',
      "Date,Close\n2021-01-04,1,9\n",
      "Date,Close\n2021-01-04\n",
      "Date,Date\n2021-01-04,1\n",
      "Date,Close\n2021-01-04,\t1\n",
      "Date,Close\n2021-01-04,1\u00a0\n",
      "Date,Close\r2021-01-04,1\r",
      "Date,Close\r\n2021-01-04,1\n",
      "Date,Close\n   \n2021-01-04,1\n",
    ]) {
      expect(parseSimpleCsvColumns(text, ["date", "close"]), JSON.stringify(text)).toBeUndefined();
    }
  });

  it("equals csv-parse on every text it accepts (random CSV-like text)", () => {
    // Mostly well-formed rows of one width; now and then a quote, tab, CR or stray comma to be declined.
    const cell = fc.oneof(
      { weight: 9, arbitrary: fc.stringMatching(/^[ a-cA-C0-9.-]{0,6}$/) },
      { weight: 1, arbitrary: fc.stringMatching(/^[ a-c0-9,"\t\r]{0,4}$/) },
    );
    const texts = fc
      .integer({ min: 1, max: 4 })
      .chain((width) =>
        fc
          .tuple(
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
            fc.constantFrom("\n", "\r\n"),
            fc.boolean(),
          )
          .map(([rows, lineEnd, bom]) => (bom ? "\uFEFF" : "") + rows.map((fields) => fields.join(",")).join(lineEnd)),
      );
    const names = fc.uniqueArray(fc.constantFrom("a", "b", "c", "ab", "1", "", "zz"), { maxLength: 4 });
    let accepted = 0;
    fc.assert(
      fc.property(texts, names, (text, wanted) => {
        const fast = parseSimpleCsvColumns(text, wanted);
        if (fast === undefined) return;
        accepted++;
        const expected = reference(text, wanted);
        // Without rows csv-parse shows no header, so only the (empty) rows can be compared.
        if (fast.lines.length === 0) expect(expected).toMatchObject({ lines: [] });
        else expect(fast).toEqual(expected);
      }),
      { numRuns: 3_000, seed: 15 },
    );
    expect(accepted).toBeGreaterThan(400);
  });
});
