import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The README's example, run as written from inside the package (where @scrilla/charts and vega-lite resolve).
describe("README example", () => {
  it("builds a spec and compiles it to Vega", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const code = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeDefined();
    const dir = mkdtempSync(join(import.meta.dirname, "..", ".readme-example-"));
    try {
      writeFileSync(join(dir, "example.mjs"), code!);
      const output = execFileSync(process.execPath, [join(dir, "example.mjs")], { encoding: "utf8" });
      expect(output).toContain("Risk-return profile (moments method)");
      // Two data layers (points, labels): two Vega marks.
      expect(output.trim()).toMatch(/Vega marks: 2$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
