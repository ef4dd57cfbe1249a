import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { vi } from "vitest";

const README = resolve(import.meta.dirname, "../../README.md");
const SOURCE_INDEX = resolve(import.meta.dirname, "../../src/index.ts");

/**
 * Runs the ```js example of the README section `title` against the sources and returns what it printed
 * and the ```text block the README says it prints.
 */
export async function runReadmeExample(title: string): Promise<{ printed: string; expected: string }> {
  const readme = readFileSync(README, "utf8");
  const section = readme.split(`\n## ${title}`)[1];
  if (!section) throw new Error(`README.md has no '## ${title}' section`);
  const example = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  const expected = /```text\n([\s\S]*?)```/.exec(section)?.[1];
  if (!example || !expected)
    throw new Error(`The section '${title}' needs a \`\`\`js example and the \`\`\`text it prints`);
  const dir = mkdtempSync(join(tmpdir(), "scrilla-readme-"));
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
    rmSync(dir, { recursive: true, force: true });
  }
  return { printed: lines.join("\n"), expected: expected.trimEnd() };
}
