import { execFile } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const packageDir = join(import.meta.dirname, "..");

describe("README", () => {
  it("the usage example runs against the fixture server and prints what its comments say", async () => {
    const readme = await readFile(join(packageDir, "README.md"), "utf8");
    const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example, "README.md should contain a ```ts example").toBeDefined();
    // Inside the package folder so that `@scrilla/market-data` resolves to this package (built dist/).
    const file = join(packageDir, `.readme-example-${process.pid}.mts`);
    await writeFile(file, example!);
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [file], { timeout: 300_000 });
      expect(stdout).toContain("equity 92 { date: '2021-11-19', open: 47.97, close: 47.93 }");
      expect(stdout).toContain("2.05");
      expect(stdout).toContain("{ date: '2020-01-16', amount: 0.88 }");
      expect(stdout).toContain("{ date: '2021-11-19', value: 1.54 }");
    } finally {
      await rm(file, { force: true });
    }
  });
});
