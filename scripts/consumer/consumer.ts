/**
 * A new user's app: the published packages installed from their tarballs with plain npm, outside the
 * monorepo (scripts/consumer-test.sh). Typechecked with `tsc --strict`, `skipLibCheck: false`, then run
 * with `node`: core's math, the engine in CSV mode on examples/prices (argv[2]) and the SQLite cache.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCacheStore, type PriceRow } from "@scrilla/cache";
import { NYSE_CALENDAR, ScrillaError } from "@scrilla/core";
import { type AllocationResult, type CommandResult, createEngine } from "@scrilla/engine";

const priceDir = process.argv[2];
if (!priceDir) throw new Error("usage: node consumer.js <examples/prices directory>");
const work = mkdtempSync(join(tmpdir(), "scrilla-consumer-"));
const window = { start: "2021-07-14", end: "2021-11-19" };

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`consumer check failed: ${what}`);
}

try {
  // core: the NYSE calendar (Thanksgiving 2021-11-25 is not a session).
  check(NYSE_CALENDAR.addTradingDays("2021-11-24", 1) === "2021-11-26", "the session after 2021-11-24");
  const sessions = NYSE_CALENDAR.countTradingDays(window.start, window.end);

  // cache: a SQLite file, written and read back.
  const cache = await createCacheStore({ mode: "sqlite", sqliteFile: join(work, "cache.db") });
  const rows: PriceRow[] = [
    { date: "2021-11-18", open: 1, close: 2 },
    { date: "2021-11-19", open: 2, close: 3 },
  ];
  await cache.putPrices("XYZ", rows, { start: "2021-11-18", end: "2021-11-19" });
  const back = await cache.getPrices("XYZ", { start: "2021-11-01", end: "2021-11-30" });
  check(JSON.stringify(back) === JSON.stringify(rows), `SQLite round trip: ${JSON.stringify(back)}`);
  await cache.close();

  // engine: CSV mode, offline (a fixed risk-free rate instead of the Treasury feed).
  const engine = await createEngine({
    env: {
      PRICE_MANAGER: "csv",
      PRICE_DIR: priceDir,
      SQLITE_FILE: join(work, "engine.db"),
      SCRILLA_HOME: join(work, "home"),
      RISK_FREE_RATE: "0.0159",
    },
  });
  try {
    const portfolio = await engine.run("optimize-portfolio", ["SPY", "GLD", "BX"], window);
    // The result is typed from the engine's command table: a wrong field does not compile.
    // @ts-expect-error an allocation has portfolio_return, not expected_return
    check(portfolio.expected_return === undefined, "no expected_return field");
    const typed: AllocationResult = portfolio;
    const weights = typed.holdings.map((holding) => holding.allocation);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    check(Math.abs(total - 1) < 1e-6, `weights sum to 1 (got ${total})`);
    check(
      weights.every((weight) => weight >= 0),
      "long-only weights",
    );
    check(Number.isFinite(portfolio.portfolio_return) && portfolio.portfolio_volatility > 0, "return and risk");

    const profiles: CommandResult<"risk-profile"> = await engine.run("rp", ["SPY"], window);
    check((profiles.SPY?.annual_volatility ?? 0) > 0, "SPY's volatility");

    const prices = await engine.run("prices", ["SPY"], window);
    const days = Object.keys((prices as Record<string, Record<string, number>>).SPY ?? {}).length;
    check(days === sessions, `one SPY price per NYSE session (${days} prices, ${sessions} sessions)`);

    let refused: unknown;
    try {
      await engine.run("optimize-portfolio", ["SPY"], window);
    } catch (error) {
      refused = error;
    }
    check(refused instanceof ScrillaError && refused.code === "INVALID_INPUT", "one ticker is INVALID_INPUT");

    console.log(
      JSON.stringify({
        ok: true,
        sessions,
        weights,
        portfolio_return: portfolio.portfolio_return,
        node: process.version,
      }),
    );
  } finally {
    await engine.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
