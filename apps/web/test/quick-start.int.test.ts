import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import axe from "axe-core";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser.js";
import { openView, readTable } from "./support/page-reading.js";
import { checkBuilt, cliJson, type Served, serve } from "./support/scrilla.js";

// The README's quick start: `scrilla serve` offline on the bundled example prices (PRICE_MANAGER=csv),
// and an axe-core audit of every view that works offline, in both themes.
const EXAMPLES = fileURLToPath(new URL("../../../examples/prices", import.meta.url));
const QUERY = "tickers=SPY,GLD,BX&start=2021-07-14&end=2021-11-19";
const OFFLINE_VIEWS = ["risk", "correlation", "frontier", "averages", "var"];

let dir: string;
let env: Record<string, string>;
let server: Served;
let chromium: Browser;
let context: BrowserContext;

beforeAll(async () => {
  checkBuilt();
  dir = await mkdtemp(join(tmpdir(), "scrilla-quick-start-"));
  env = {
    PATH: process.env.PATH ?? "",
    HOME: dir,
    PRICE_MANAGER: "csv",
    PRICE_DIR: EXAMPLES,
    SQLITE_FILE: join(dir, "scrilla.db"),
    SCRILLA_HOME: join(dir, "home"),
    RISK_FREE_RATE: "0.0159",
    LOG_LEVEL: "none",
  };
  [server, chromium] = await Promise.all([serve(env), launchChromium()]);
  // axe-core is injected as a script, which the page's CSP rightly forbids; only this audit context bypasses it.
  context = await chromium.newContext({ viewport: { width: 1200, height: 900 }, bypassCSP: true });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await chromium?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the quick start in the browser", () => {
  it("loads the example prices through scrilla serve: the profiles equal the CLI's on the same data", async () => {
    const page = await context.newPage();
    await openView(page, `${server.url}?view=risk&${QUERY}`);
    const cli = await cliJson(
      ["risk-profile", "SPY", "GLD", "BX", "--start", "2021-07-14", "--end", "2021-11-19"],
      env,
    );
    const expected = cli.json as Record<string, Record<string, number>>;
    const shown = await readTable(page, "numbers");
    expect(Object.keys(shown)).toEqual(["SPY", "GLD", "BX"]);
    for (const [ticker, fields] of Object.entries(shown)) {
      for (const [field, value] of Object.entries(fields)) expect(value).toBe(expected[ticker]![field]);
    }
    await page.close();
  });

  it.each(
    OFFLINE_VIEWS.flatMap((view) => [
      [view, "light"],
      [view, "dark"],
    ]),
  )("%s view (%s theme) has no serious or critical axe violations", async (view, theme) => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: theme as "light" | "dark" });
    await openView(page, `${server.url}?view=${view}&${QUERY}`);
    await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate(() =>
      (globalThis as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      }),
    );
    const serious = result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) =>
          `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(" ")).join(", ")})`,
      );
    expect(serious).toEqual([]);
    expect(result.passes.length).toBeGreaterThan(10);
    await page.close();
  });
});
