import { describe, expect, it } from "vitest";
import { isIsoDate } from "../src/index.js";

/** The definition by Date objects: parses as an instant and prints back as the same day. */
const byDate = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
  new Date(value).toISOString().startsWith(value);

describe("isIsoDate", () => {
  it("agrees with Date parsing on every month 00–13 and day 00–32 of leap, century and ordinary years", () => {
    let real = 0;
    for (const year of ["0000", "1900", "1999", "2000", "2020", "2021", "2100", "2400", "9999"]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const value = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          expect(isIsoDate(value), value).toBe(byDate(value));
          if (byDate(value)) real++;
        }
      }
    }
    expect(real).toBe(9 * 365 + 4); // 2000, 2020, 2400 and 0000 are leap years
  });

  it("refuses other layouts", () => {
    for (const value of ["2021-1-04", "20210104", "2021-01-04T00:00", " 2021-01-04", "2021-01-0x", ""]) {
      expect(isIsoDate(value), value).toBe(false);
    }
  });
});
