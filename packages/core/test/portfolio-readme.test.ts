import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";

const README = resolve(import.meta.dirname, "../README.md");
const SOURCE_INDEX = resolve(import.meta.dirname, "../src/index.ts");

function portfolioSection(): { example: string; printed: string } {
  const readme = readFileSync(README, "utf8");
  const section = readme.split("\n## Portfolio optimisation")[1];
  if (!section) throw new Error("README.md has no '## Portfolio optimisation' section");
  const example = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  const printed = /```text\n([\s\S]*?)```/.exec(section)?.[1];
  if (!example || !printed) throw new Error("The portfolio section needs a ```js example and the ```text it prints");
  return { example, printed };
}

describe("README portfolio example", () => {
  const dir = mkdtempSync(join(tmpdir(), "scrilla-portfolio-readme-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs against the sources and prints what the README says", async () => {
    const { example, printed } = portfolioSection();
    const file = join(dir, "example.mjs");
    writeFileSync(file, example.replace('from "@scrilla/core"', `from ${JSON.stringify(SOURCE_INDEX)}`));
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
    });
    try {
      await import(/* @vite-ignore */ pathToFileURL(file).href);
    } finally {
      log.mockRestore();
    }
    expect(lines.join("\n")).toBe(printed.trimEnd());
  });
});
