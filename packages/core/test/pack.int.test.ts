/**
 * Packaging: build, `pnpm pack`, install the tarball with plain npm into a fresh project outside the
 * workspace, run the README's example with plain node and type-check a TypeScript consumer with tsc.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conditionalValueAtRisk, discountDividendModel, valueAtRisk } from "../src/index.js";

const PACKAGE_DIR = resolve(import.meta.dirname, "..");
/** The workspace's copy of highs (its exports map hides package.json; the wasm sits in build/). */
const HIGHS_DIR = resolve(dirname(createRequire(join(PACKAGE_DIR, "package.json")).resolve("highs/runtime")), "..");
const TSC = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");

/** Environment without the npm_* variables pnpm sets, so npm behaves as in a user's shell. */
const cleanEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith("npm_")));

function run(command: string, args: string[], cwd: string, env = process.env): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 600_000 });
  if (result.error) throw new Error(`could not run ${command} ${args.join(" ")}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** pnpm as the test runner was started by it (npm_execpath), else the pnpm on PATH. */
function pnpm(args: string[], cwd: string): SpawnSyncReturns<string> {
  const execPath = process.env.npm_execpath;
  return execPath?.includes("pnpm") ? run(process.execPath, [execPath, ...args], cwd) : run("pnpm", args, cwd);
}

/**
 * Rebuild only when dist/ is missing or older than src/: under turbo, `build` has just run, and other
 * packages' tests may be importing dist/ at this moment, so it must not be rewritten under them.
 */
function distIsStale(): boolean {
  const entry = join(PACKAGE_DIR, "dist", "index.js");
  if (!existsSync(entry)) return true;
  const built = statSync(entry).mtimeMs;
  const sources = readdirSync(join(PACKAGE_DIR, "src"), { recursive: true, encoding: "utf8" });
  return sources.some((file) => file.endsWith(".ts") && statSync(join(PACKAGE_DIR, "src", file)).mtimeMs > built);
}

/** The `index`-th ```js block of the README and the ```text block printed right after it, if any. */
function readmeExample(index: number): { code: string; printed: string | undefined } {
  const readme = readFileSync(join(PACKAGE_DIR, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```(?:\s*prints\s*```text\n([\s\S]*?)```)?/g)];
  const block = blocks[index];
  if (!block?.[1])
    throw new Error(`README.md has no ${index + 1}th \`\`\`js example block; the packaging test runs it`);
  return { code: block[1], printed: block[2] };
}

const CONSUMER_TS = `import {
  type DiscountDividendValuation,
  discreteAllocation,
  type RiskModelResult,
  riskModel,
  discountDividendModel,
  type GbmInput,
  NYSE_CALENDAR,
  ScrillaError,
  type TradingCalendar,
  valueAtRisk,
} from "@scrilla/core";

const calendar: TradingCalendar = NYSE_CALENDAR;
const next: string = calendar.nextTradingDay("2021-11-24");
const input: GbmInput = { spot: 100, annualReturn: 0.05, annualVolatility: 0.2, expiry: 1 };
const loss: number = valueAtRisk(input, 0.05).loss;
const valuation: DiscountDividendValuation = discountDividendModel({
  dividends: [{ date: "2021-11-15", amount: 0.25 }],
  discountRate: 0.05,
  today: "2021-11-19",
  period: 0.25,
});
// @ts-expect-error a spot price given as a string must not type-check (proves the types are real, not any)
valueAtRisk({ ...input, spot: "100" }, 0.05);
const risk: RiskModelResult = riskModel({ tickers: ["A"], dates: ["2024-01-02", "2024-01-03", "2024-01-04"], values: [[1, 2, 3]] });
const shares: number[] = discreteAllocation({ weights: [1], prices: [10], investment: 100, method: "exact" }).shares;
// @ts-expect-error an unknown risk model must not type-check
riskModel({ A: { dates: [], close: [] } }, { method: "ledoit" });
export const results = { next, loss, npv: valuation.npv, error: new ScrillaError("INVALID_INPUT", "x").code, risk, shares };
`;

const CONSUMER_TSCONFIG = {
  compilerOptions: {
    target: "ES2023",
    lib: ["ES2023"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noEmit: true,
    types: [],
  },
  files: ["index.ts"],
};

describe("@scrilla/core as a published package", () => {
  let workDir = "";
  let consumerDir = "";

  beforeAll(() => {
    if (distIsStale()) run(process.execPath, [TSC, "-p", "tsconfig.build.json"], PACKAGE_DIR);
    workDir = mkdtempSync(join(tmpdir(), "scrilla-core-pack-"));
    const tarballDir = join(workDir, "tarball");
    mkdirSync(tarballDir);
    pnpm(["pack", "--pack-destination", tarballDir], PACKAGE_DIR);
    const tarball = readdirSync(tarballDir).find((name) => name.endsWith(".tgz"));
    if (!tarball) throw new Error(`pnpm pack wrote no .tgz into ${tarballDir}`);

    consumerDir = join(workDir, "consumer");
    mkdirSync(consumerDir);
    writeFileSync(
      join(consumerDir, "package.json"),
      JSON.stringify({ name: "consumer", private: true, type: "module" }),
    );
    // The one runtime dependency (highs, the LP solver) is packed from the workspace's own copy and
    // installed alongside, so this install needs no network.
    run("npm", ["pack", "--pack-destination", tarballDir, HIGHS_DIR], workDir, cleanEnv());
    const highsTarball = readdirSync(tarballDir).find((name) => name.startsWith("highs-"));
    if (!highsTarball) throw new Error(`npm pack wrote no highs tarball into ${tarballDir}`);
    run(
      "npm",
      [
        "install",
        join(tarballDir, tarball),
        join(tarballDir, highsTarball),
        "--no-audit",
        "--no-fund",
        "--prefer-offline",
        "--offline",
      ],
      consumerDir,
      cleanEnv(),
    );
  }, 900_000);

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("installs only dist, the sources its declaration maps point at, README, CHANGELOG, LICENSE and package.json", () => {
    const installed = join(consumerDir, "node_modules", "@scrilla", "core");
    expect(readdirSync(installed).sort()).toEqual([
      "CHANGELOG.md",
      "LICENSE",
      "README.md",
      "dist",
      "package.json",
      "src",
    ]);
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as Record<string, unknown>;
    const highsVersion = (JSON.parse(readFileSync(join(HIGHS_DIR, "package.json"), "utf8")) as { version: string })
      .version;
    expect(manifest.dependencies ?? {}).toEqual({ highs: highsVersion });
    expect(JSON.stringify(manifest)).not.toContain("catalog:");
  });

  it("runs the README's opening example (prices by ticker in, weights by ticker out) as printed there", () => {
    const { code, printed } = readmeExample(0);
    expect(code).toContain("expectedReturns(prices");
    writeFileSync(join(consumerDir, "quick-start.mjs"), code);
    const { stdout } = run(process.execPath, ["quick-start.mjs"], consumerDir, cleanEnv());
    expect(stdout).toBe(printed);
    const weights = JSON.parse(/^weights: (.*)$/m.exec(stdout)![1]!) as Record<string, number>;
    expect(Object.keys(weights)).toEqual(["SPY", "GLD", "TLT", "BX"]);
    expect(Object.values(weights).reduce((sum, w) => sum + w, 0)).toBeCloseTo(1, 3);
    expect(Number(/leftover: (\S+)/.exec(stdout)![1])).toBeGreaterThanOrEqual(0);
  });

  it("runs the README's calendar/GBM/DDM example with plain node and prints the documented figures", () => {
    writeFileSync(join(consumerDir, "example.mjs"), readmeExample(1).code);
    const { stdout } = run(process.execPath, ["example.mjs"], consumerDir, cleanEnv());
    const lines = stdout.trim().split("\n");
    const ally = { spot: 47.93, annualReturn: -0.1286093252626298, annualVolatility: 0.31738145569380244, expiry: 0.5 };
    const risk = valueAtRisk(ally, 0.05);
    const tail = conditionalValueAtRisk(ally, 0.05);
    const valuation = discountDividendModel({
      dividends: [
        { date: "2021-11-15", amount: 0.25 },
        { date: "2021-08-16", amount: 0.25 },
        { date: "2021-05-14", amount: 0.19 },
        { date: "2021-02-12", amount: 0.19 },
      ],
      discountRate: 0.08,
      today: "2021-11-19",
    });
    expect(lines).toEqual([
      "session after 2021-11-24: 2021-11-26",
      "sessions 2021-07-14..2021-11-19: 92",
      `VaR price level: ${risk.priceLevel.toFixed(6)} loss: ${risk.loss.toFixed(6)}`,
      `CVaR price level: ${tail.priceLevel.toFixed(6)} loss: ${tail.loss.toFixed(6)}`,
      `next dividend: ${valuation.nextPayment.date} model price: ${valuation.npv.toFixed(6)}`,
    ]);
    // Spec A.3 golden values, independent of this build.
    expect(lines[2]).toContain("30.298915");
    expect(lines[3]).toContain("27.679036");
  });

  it("type-checks a TypeScript consumer against the packaged declarations", () => {
    writeFileSync(join(consumerDir, "index.ts"), CONSUMER_TS);
    writeFileSync(join(consumerDir, "tsconfig.json"), JSON.stringify(CONSUMER_TSCONFIG));
    const result = spawnSync(process.execPath, [TSC, "-p", "tsconfig.json"], { cwd: consumerDir, encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
