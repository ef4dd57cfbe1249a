import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { WEB_DIST } from "./support/scrilla.js";

// The built app (pnpm build runs before the tests): its JavaScript budget and its script-src hygiene.
const BUDGET_BYTES = 350_000;
const assets = join(WEB_DIST, "assets");
const scripts = readdirSync(assets).filter((name) => name.endsWith(".js"));
const gzipped = (name: string) => gzipSync(readFileSync(join(assets, name)), { level: 9 }).length;

describe("the web build", () => {
  it(`ships under ${BUDGET_BYTES / 1000} kB of gzipped JavaScript in all`, () => {
    const sizes = Object.fromEntries(scripts.map((name) => [name, gzipped(name)]));
    const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);
    console.log("gzipped JavaScript (bytes):", sizes, "total", total);
    expect(scripts.length).toBeGreaterThan(0);
    expect(total).toBeLessThan(BUDGET_BYTES);
  });

  it("keeps Vega out of the entry chunk: the page starts without it and loads it on the first chart", () => {
    const html = readFileSync(join(WEB_DIST, "index.html"), "utf8");
    const entry = /<script type="module" crossorigin src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const entryCode = readFileSync(join(assets, entry!), "utf8");
    expect(entryCode).not.toContain("vega-lite-schema");
    const chart = scripts.find((name) => name !== entry && readFileSync(join(assets, name), "utf8").includes("toSVG"));
    expect(chart, "a separate chunk draws the charts").toBeDefined();
    expect(entryCode).toContain(chart!);
  });

  it("has no inline script, so the CSP's script-src 'self' holds without 'unsafe-inline'", () => {
    const html = readFileSync(join(WEB_DIST, "index.html"), "utf8");
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toMatch(/\bsrc="\/assets\//);
    expect(html).not.toMatch(/<script\b[^>]*>\s*[^<\s]/);
    const policy = JSON.parse(readFileSync(join(WEB_DIST, "security-headers.json"), "utf8")) as Record<string, string>;
    const scriptSrc = /script-src ([^;]+)/.exec(policy["content-security-policy"]!)?.[1];
    expect(scriptSrc).toBe("'self'");
  });
});
