/** Runs the Statistics section's README example against the sources and checks what it prints. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, expect, it, vi } from "vitest";
import { assetCorrelation, riskProfile } from "../src/index.js";

afterEach(() => {
  vi.restoreAllMocks();
});

it("the README statistics example runs and prints the library's figures", async () => {
  const readme = readFileSync(resolve(import.meta.dirname, "../README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Statistics"));
  const block = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error("README.md's Statistics section has no ```js example");
  const source = block.replace(
    '"@scrilla/core"',
    JSON.stringify(pathToFileURL(resolve(import.meta.dirname, "../src/index.ts")).href),
  );
  const file = join(mkdtempSync(join(tmpdir(), "scrilla-readme-")), "example.ts");
  writeFileSync(file, source);
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    lines.push(args.join(" "));
  });
  await import(pathToFileURL(file).href);
  expect(lines).toHaveLength(9);
  const close = Float64Array.of(50.1, 50.9, 49.8, 50.4, 51.7, 51.2, 52.3);
  const profile = riskProfile(close);
  expect(lines[0]).toBe(`profile: ${profile.annual_return.toFixed(6)} ${profile.annual_volatility.toFixed(6)}`);
  const dates = ["2021-11-08", "2021-11-09", "2021-11-10", "2021-11-11", "2021-11-12", "2021-11-15", "2021-11-16"];
  const market = Float64Array.of(468.9, 466.6, 462.4, 463.8, 467.3, 467.4, 469.3);
  const rho = assetCorrelation({ dates, close }, { dates, close: market }).correlation;
  expect(lines[2]).toBe(`correlation: ${rho.toFixed(6)}`);
  expect(lines[7]).toBe(`fast matrix: 1.000000 ${rho.toFixed(6)} ${rho.toFixed(6)} 1.000000`);
});
