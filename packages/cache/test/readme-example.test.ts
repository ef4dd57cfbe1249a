import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

describe("README example", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("is examples/sqlite-quick-start.ts verbatim, and prints what the README says", async () => {
    const readme = read("../README.md");
    const example = read("../examples/sqlite-quick-start.ts");
    expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``);

    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...values: unknown[]) => {
      lines.push(values.map((value) => (typeof value === "string" ? value : JSON.stringify(value))).join(" "));
    });
    await import("../examples/sqlite-quick-start.js");
    expect(lines).toEqual([
      "2021-10-21 49.82, 2021-10-22 50.7",
      JSON.stringify({ annual_return: 0.21, sharpe_ratio: 0.6 }),
      "0.52",
      JSON.stringify([{ start: "2021-10-18", end: "2021-10-22" }]),
    ]);
  });
});
