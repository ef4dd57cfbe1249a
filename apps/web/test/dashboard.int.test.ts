import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type FixtureServer, startFixtureServer } from "@scrilla/market-data/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser.js";
import { markCounts, openView, readTable, type Table } from "./support/page-reading.js";
import { checkBuilt, cliJson, type Served, serve } from "./support/scrilla.js";

// The dashboard in headless Chromium against `scrilla serve` on the loopback fixture server; every number
// shown is compared with what the CLI prints with --json for the same request.
const ARTEFACTS = fileURLToPath(new URL("../test-artifacts", import.meta.url));
const TICKERS = ["ALLY", "BX", "SPY"];
const START = "2021-07-14";
const END = "2021-11-19";
const WINDOW = ["--start", START, "--end", END];
const QUERY = `tickers=${TICKERS.join(",")}&start=${START}&end=${END}`;
const CLOSE = 1e-12;

let dir: string;
let fixtures: FixtureServer;
let env: Record<string, string>;
let server: Served;
let chromium: Browser;
let context: BrowserContext;
const consoleErrors: string[] = [];

beforeAll(async () => {
  checkBuilt();
  dir = await mkdtemp(join(tmpdir(), "scrilla-web-"));
  await mkdir(ARTEFACTS, { recursive: true });
  fixtures = await startFixtureServer();
  env = {
    PATH: process.env.PATH ?? "",
    HOME: dir,
    SCRILLA_HOME: join(dir, "home"),
    SQLITE_FILE: join(dir, "cache.db"),
    ALPHA_VANTAGE_KEY: "test",
    ALPHA_VANTAGE_URL: fixtures.urls.alphaVantage,
    ALPHA_VANTAGE_CRYPTO_META_URL: fixtures.urls.alphaVantageCryptoMeta,
    TREASURY_URL: fixtures.urls.treasury,
    FRED_URL: fixtures.urls.fred,
    SCRILLA_TODAY: END,
    ALPHA_VANTAGE_MIN_INTERVAL_MS: "0",
    HTTP_BACKOFF_MS: "1",
    LOG_LEVEL: "none",
  };
  [server, chromium] = await Promise.all([serve(env), launchChromium()]);
  context = await chromium.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: "light" });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await chromium?.close();
  await server?.stop();
  await fixtures?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

async function cli(args: string[]): Promise<unknown> {
  const answer = await cliJson(args, env);
  if (answer.error) throw new Error(answer.error);
  return answer.json;
}

function expectTableToMatch(table: Table, expected: Record<string, Record<string, number>>, tolerance = CLOSE) {
  expect(Object.keys(table).sort()).toEqual(Object.keys(expected).sort());
  for (const [row, fields] of Object.entries(table)) {
    for (const [field, value] of Object.entries(fields)) {
      expect(Math.abs(value - expected[row]![field]!), `${row}.${field}`).toBeLessThanOrEqual(tolerance);
    }
  }
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage: true });
}

type Allocation = { holdings: { ticker: string; allocation: number }[]; portfolio_return: number };
const weightsOf = (allocation: Allocation) =>
  Object.fromEntries(allocation.holdings.map((h) => [h.ticker, { allocation: h.allocation }]));

describe("the dashboard, each view against the CLI's --json", () => {
  it("risk-return: a scatter with one point per asset and the profiles of risk-profile", async () => {
    const page = await newPage();
    await openView(page, `${server.url}?view=risk&${QUERY}`);
    expect(await markCounts(page)).toEqual([TICKERS.length * 2]); // a point and a label per asset
    const expected = (await cli(["risk-profile", ...TICKERS, ...WINDOW])) as Record<string, Record<string, number>>;
    expectTableToMatch(await readTable(page, "numbers"), expected);
    await shoot(page, "risk-return");
    await page.close();
  });

  it("correlation: a heat map of n² cells with correlation's matrix", async () => {
    const page = await newPage();
    await openView(page, `${server.url}?view=correlation&${QUERY}`);
    const [marks] = await markCounts(page);
    expect(marks).toBe(2 * TICKERS.length ** 2); // a rect and a value per cell
    const { correlation_matrix } = (await cli(["correlation", ...TICKERS, ...WINDOW])) as {
      correlation_matrix: number[][];
    };
    const expected = Object.fromEntries(
      TICKERS.map((row, i) => [row, Object.fromEntries(TICKERS.map((col, j) => [col, correlation_matrix[i]![j]!]))]),
    );
    expectTableToMatch(await readTable(page, "numbers"), expected);
    await shoot(page, "correlation");
    await page.close();
  });

  it("efficient frontier: the optimal portfolios of optimize-portfolio, and a slider re-optimised with no request", async () => {
    const page = await newPage();
    await openView(page, `${server.url}?view=frontier&${QUERY}`);
    const [frontierMarks, weightBars] = await markCounts(page);
    expect(frontierMarks).toBeGreaterThan(3);
    expect(weightBars).toBe(3 * TICKERS.length);
    const minimum = (await cli(["optimize-portfolio", ...TICKERS, ...WINDOW])) as Allocation;
    const sharpe = (await cli(["optimize-portfolio", ...TICKERS, ...WINDOW, "--sharpe"])) as Allocation;
    expectTableToMatch(await readTable(page, "weights-minimum-variance"), weightsOf(minimum));
    expectTableToMatch(await readTable(page, "weights-maximum-Sharpe"), weightsOf(sharpe));
    await shoot(page, "efficient-frontier");

    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    const slider = page.getByTestId("target-slider");
    await slider.focus();
    for (let i = 0; i < 10; i++) await slider.press("ArrowRight");
    // The range input moves natively on each key; the page has caught up once the URL holds its final value.
    await page.waitForFunction(() => {
      const slider = document.querySelector<HTMLInputElement>('[data-testid="target-slider"]')!;
      const target = new URL(location.href).searchParams.get("target");
      return target !== null && Math.abs(Number(target) - Number(slider.value)) < 1e-12;
    });
    await page.waitForSelector('[data-testid="chart"][data-status="rendered"] >> nth=1');
    const target = Number(new URL(page.url()).searchParams.get("target"));
    expect(target).toBeGreaterThan(minimum.portfolio_return);
    expect(requests.filter((url) => url.includes("/api/"))).toEqual([]);
    const targeted = (await cli([
      "optimize-portfolio",
      ...TICKERS,
      ...WINDOW,
      "--target",
      String(target),
    ])) as Allocation;
    // Two solvers' answers to one problem: the spec's optimiser-weight tolerance.
    expectTableToMatch(await readTable(page, "weights-your-target"), weightsOf(targeted), 5e-4);
    await shoot(page, "efficient-frontier-target");
    await page.close();
  });

  it("moving averages: one line per period and mov-averages' values on the last date", async () => {
    const page = await newPage();
    await openView(page, `${server.url}?view=averages&${QUERY}`);
    const result = (await cli(["mov-averages", "ALLY", ...WINDOW])) as Record<
      string,
      Record<string, Record<string, number>>
    >;
    const byDate = result.ALLY!;
    const last = Object.keys(byDate).sort().at(-1)!;
    const periods = Object.keys(byDate[last]!).length;
    const [marks] = await markCounts(page);
    expect(marks).toBe(periods);
    expectTableToMatch(await readTable(page, "numbers"), { ALLY: byDate[last]! });
    expect(await page.locator("caption").first().textContent()).toContain(last);
    await shoot(page, "moving-averages");
    await page.close();
  });

  it("yield curve: a point per maturity and yield-curve's values", async () => {
    const page = await newPage();
    await openView(page, `${server.url}?view=yield&${QUERY}`);
    const result = (await cli(["yield-curve", "--start", END])) as { curve?: Record<string, number> };
    const curve = result.curve ?? (result as Record<string, number>);
    const expected = Object.fromEntries(
      Object.entries(curve)
        .filter((entry): entry is [string, number] => typeof entry[1] === "number")
        .map(([maturity, value]) => [maturity, { yield: value }]),
    );
    expectTableToMatch(await readTable(page, "numbers"), expected);
    const [marks] = await markCounts(page);
    expect(marks).toBeGreaterThanOrEqual(Object.keys(expected).length);
    await shoot(page, "yield-curve");
    await page.close();
  });

  it("VaR / CVaR: three bars per asset and var's and cvar's price levels", async () => {
    const page = await newPage();
    await openView(page, `${server.url}?view=var&${QUERY}&prob=0.05&expiry=0.5`);
    expect(await markCounts(page)).toEqual([3 * TICKERS.length]);
    const risk = ["--prob", "0.05", "--expiry", "0.5"];
    const vars = (await cli(["var", ...TICKERS, ...WINDOW, ...risk])) as Record<string, Record<string, number>>;
    const cvars = (await cli(["cvar", ...TICKERS, ...WINDOW, ...risk])) as Record<string, Record<string, number>>;
    const expected = Object.fromEntries(
      TICKERS.map((t) => [
        t,
        {
          spot_price: vars[t]!.spot_price!,
          value_at_risk: vars[t]!.value_at_risk!,
          conditional_value_at_risk: cvars[t]!.conditional_value_at_risk!,
        },
      ]),
    );
    expectTableToMatch(await readTable(page, "numbers"), expected);
    await shoot(page, "var-cvar");
    await page.close();
  });

  it("DDM: the payments with their fit, and discount-dividend-model's value", async () => {
    const page = await newPage();
    await openView(page, `${server.url}?view=ddm&${QUERY}&discount=0.05`);
    const dividends = (await cli(["dividends", "ALLY"])) as Record<string, Record<string, number>>;
    const [marks] = await markCounts(page);
    expect(marks).toBe(Object.keys(dividends.ALLY!).length + 1); // a point per payment and the fit line
    const ddm = (await cli(["discount-dividend-model", "ALLY", ...WINDOW, "--discount", "0.05"])) as Record<
      string,
      { discount_dividend: number }
    >;
    const table = await readTable(page, "numbers");
    expect(Math.abs(table.ALLY!.discount_dividend! - ddm.ALLY!.discount_dividend)).toBeLessThanOrEqual(CLOSE);
    await shoot(page, "ddm");
    await page.close();
  });
});

describe("the dashboard's behaviour", () => {
  it("shows an unknown ticker's typed error: the code and message the CLI reports", async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await openView(page, `${server.url}?view=risk&tickers=NOSUCH,SPY&start=${START}&end=${END}`);
    const panel = page.getByTestId("error");
    const cliError = (await cliJson(["risk-profile", "NOSUCH", "SPY", ...WINDOW], env)).error!;
    const [, code, message] = /^scrilla: ([A-Z_]+): (.*)$/.exec(cliError)!;
    expect(await panel.getAttribute("data-code")).toBe(code);
    expect(await panel.locator("p").textContent()).toBe(message);
    expect(await panel.getAttribute("role")).toBe("alert");
    // The failed request itself is the only console error (Chromium logs every 4xx response).
    expect(
      errors.every((text) => /Failed to load resource: the server responded with a status of 4\d\d/.test(text)),
    ).toBe(true);
    await shoot(page, "unknown-ticker");
    await page.close();
  });

  it("encodes the view in the URL: a form submission and a tab change are shareable links", async () => {
    const page = await newPage();
    await openView(page, `${server.url}?view=risk&${QUERY}`);
    await page.getByLabel("Tickers").fill("SPY ALLY");
    await page.getByLabel("Estimation method").selectOption("likelihood");
    await page.getByLabel("Tickers").press("Enter");
    await page.getByRole("link", { name: "Correlation" }).click();
    await page.waitForSelector('[data-testid="chart"][data-status="rendered"]');
    const query = new URL(page.url()).searchParams;
    expect(query.get("view")).toBe("correlation");
    expect(query.get("tickers")).toBe("SPY,ALLY");
    expect(query.get("method")).toBe("likelihood");
    const shared = await newPage();
    await openView(shared, page.url());
    expect(await readTable(shared, "numbers")).toEqual(await readTable(page, "numbers"));
    await page.close();
    await shared.close();
  });

  it("switches to a dark theme, charts included, by keyboard", async () => {
    const page = await newPage();
    await openView(page, `${server.url}?view=risk&${QUERY}`);
    const toggle = page.getByRole("button", { name: "Dark theme" });
    await toggle.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    await page.waitForSelector('[data-testid="chart"][data-status="rendered"]');
    const background = await page.$eval('[data-testid="chart"] svg', (svg) => getComputedStyle(svg).backgroundColor);
    expect(background).toBe("rgb(22, 24, 29)"); // #16181d, the dark chart theme's background
    const pageBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(pageBackground).toBe("rgb(22, 24, 29)");
    await shoot(page, "risk-return-dark");
    await page.close();
  });

  it("logged no console errors on any view (which also means the CSP blocked nothing)", () => {
    expect(consoleErrors).toEqual([]);
  });
});
