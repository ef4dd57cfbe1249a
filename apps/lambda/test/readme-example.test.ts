import { execFile } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { loadBundle } from "./load-bundle.js";

const APP_DIR = join(import.meta.dirname, "..");

it("runs the README's example against the built bundle", async () => {
  await loadBundle(); // fails with the reason when dist/ is not built
  const readme = readFileSync(join(APP_DIR, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Use from code"));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(code, "README has a ts example under 'Use from code'").toBeDefined();
  // A module inside the package, so `@scrilla/lambda` resolves to its own dist/index.mjs through "exports".
  const script = join(APP_DIR, `.readme-example-${process.pid}.mjs`);
  writeFileSync(script, code!);
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [script], { cwd: APP_DIR, timeout: 300_000 });
    expect(stdout).toContain("code: 'INVALID_INPUT'");
    expect(stdout).toContain('correlation needs at least 2 symbol(s) in "tickers"; got 1.');
  } finally {
    rmSync(script, { force: true });
  }
});
