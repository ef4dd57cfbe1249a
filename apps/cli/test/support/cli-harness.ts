import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type FixtureServer, startFixtureServer } from "@scrilla/market-data/testing";

export const BIN = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliWorld {
  dir: string;
  server: FixtureServer;
  env: Record<string, string>;
  /** Runs the built CLI with the world's env (plus overrides; an `undefined` value removes a variable). */
  run(args: string[], overrides?: Record<string, string | undefined>, input?: string): Promise<CliRun>;
  close(): Promise<void>;
}

/** The built CLI against the loopback fixture server, with its own SQLite file and data home. */
export async function startCliWorld(extraEnv: Record<string, string> = {}): Promise<CliWorld> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: the CLI tests run the built binary, run pnpm build first.`);
  const dir = await mkdtemp(join(tmpdir(), "scrilla-cli-"));
  const server = await startFixtureServer();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: dir,
    SCRILLA_HOME: join(dir, "home"),
    SQLITE_FILE: join(dir, "cache.db"),
    ALPHA_VANTAGE_KEY: "test",
    ALPHA_VANTAGE_URL: server.urls.alphaVantage,
    ALPHA_VANTAGE_CRYPTO_META_URL: server.urls.alphaVantageCryptoMeta,
    TREASURY_URL: server.urls.treasury,
    FRED_URL: server.urls.fred,
    SCRILLA_TODAY: "2021-11-19",
    LOG_LEVEL: "info",
    NO_COLOR: "1",
    // Loopback server: no need to pace requests or wait long before retrying.
    ALPHA_VANTAGE_MIN_INTERVAL_MS: "0",
    HTTP_BACKOFF_MS: "1",
    ...extraEnv,
  };
  return {
    dir,
    server,
    env,
    run: (args, overrides = {}, input = "") => runCli(args, withOverrides(env, overrides), dir, input),
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs the built CLI; stdin gets `input` and is then closed, so nothing waits on a terminal. */
export function runCli(args: string[], env: Record<string, string>, cwd: string, input = ""): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { env, cwd, encoding: "utf8", timeout: 300_000, maxBuffer: 32 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(input);
  });
}

function withOverrides(
  env: Record<string, string>,
  overrides: Record<string, string | undefined>,
): Record<string, string> {
  const merged: Record<string, string> = { ...env };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Parses stdout as exactly one JSON document, failing with the run's stderr for context. */
export function jsonOf(run: CliRun): unknown {
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`stdout is not one JSON document:\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

/** Runs `tasks` with at most `limit` in flight (the CLI processes share a 2-core machine and one SQLite file). */
export async function inPool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
