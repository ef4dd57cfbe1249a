import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { startFixtureServer } from "@scrilla/market-data/testing";
import { type BenchFigure, timeMsAsync } from "../../../scripts/bench-kit.js";
import { loadEvent } from "../test/load-event.js";

const dist = join(import.meta.dirname, "..", "dist");
const exec = promisify(execFile);

/** Bundle size, the cold-start share of importing it, and first/warm invocations of the built handler. */
export async function run(): Promise<BenchFigure[]> {
  const bundle = join(dist, "index.mjs");
  const importBundle = `await import(${JSON.stringify(pathToFileURL(bundle).href)});`;
  const nodeAlone = await timeMsAsync(() => exec(process.execPath, ["--input-type=module", "-e", ""]));
  const nodeWithBundle = await timeMsAsync(() => exec(process.execPath, ["--input-type=module", "-e", importBundle]));
  const kib = (path: string) => statSync(path).size / 1024;
  return [
    { name: "lambda: dist/index.mjs size", value: kib(bundle), unit: "KiB", size: "esbuild, AWS SDK external" },
    {
      name: "lambda: dist/lambda.zip size",
      value: kib(join(dist, "lambda.zip")),
      unit: "KiB",
      size: "index.mjs, lazy chunks, highs.wasm",
    },
    {
      name: "lambda: bundle import on a fresh Node process",
      value: nodeWithBundle - nodeAlone,
      unit: "ms",
      size: `over ${nodeAlone.toFixed(0)} ms node start`,
    },
    ...(await invocations(bundle)),
  ];
}

/** risk-profile ALLY over a Function URL event, SQLite cache in a temp dir, loopback fixture server. */
async function invocations(bundle: string): Promise<BenchFigure[]> {
  const { createHandler, createJsonLogger } = (await import(
    pathToFileURL(bundle).href
  )) as typeof import("../src/index.js");
  const server = await startFixtureServer();
  const home = mkdtempSync(join(tmpdir(), "scrilla-lambda-bench-"));
  try {
    const handler = createHandler({
      env: {
        SCRILLA_FUNCTION: "risk-profile",
        CACHE_MODE: "sqlite",
        SQLITE_FILE: join(home, "cache.db"),
        SCRILLA_HOME: home,
        ALPHA_VANTAGE_KEY: "bench",
        ALPHA_VANTAGE_URL: server.urls.alphaVantage,
        ALPHA_VANTAGE_CRYPTO_META_URL: server.urls.alphaVantageCryptoMeta,
        TREASURY_URL: server.urls.treasury,
      },
      today: "2021-11-19",
      logger: createJsonLogger({ level: "none", err: () => {} }),
    });
    const event = loadEvent("function-url-get-ally");
    const started = performance.now();
    const first = (await handler(event)) as { statusCode: number };
    const firstMs = performance.now() - started;
    if (first.statusCode !== 200) throw new Error(`bench invocation failed: ${JSON.stringify(first)}`);
    return [
      {
        name: "lambda: first invocation (engine start, fetch, compute)",
        value: firstMs,
        unit: "ms",
        size: "risk-profile ALLY, loopback",
      },
      {
        name: "lambda: warm invocation (memory cache)",
        value: await timeMsAsync(() => handler(event), 20, 3),
        unit: "ms",
        size: "risk-profile ALLY, HTTP event",
      },
    ];
  } finally {
    await server.close();
    rmSync(home, { recursive: true, force: true });
  }
}
