import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { BIN, type CliRun, runCli } from "./cli-harness.js";

export const REPO = resolve(import.meta.dirname, "../../../..");
export const EXAMPLES = join(REPO, "examples");

/** Every service URL points at a closed port: a request would fail the command, proving it is offline. */
export const NO_NETWORK = {
  ALPHA_VANTAGE_URL: "http://127.0.0.1:9/query",
  ALPHA_VANTAGE_CRYPTO_META_URL: "http://127.0.0.1:9/list",
  TREASURY_URL: "http://127.0.0.1:9",
  FRED_URL: "http://127.0.0.1:9/fred",
  HTTP_RETRIES: "0",
};

export interface OfflineWorld {
  dir: string;
  env: Record<string, string>;
  run(args: string[], extra?: Record<string, string>): Promise<CliRun>;
  close(): Promise<void>;
}

/** The built CLI on the bundled files only (DATA_DIR=examples), no fixture server, no key, no pinned today. */
export async function startOfflineWorld(): Promise<OfflineWorld> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: the CLI tests run the built binary, run pnpm build first.`);
  const dir = await mkdtemp(join(tmpdir(), "scrilla-offline-"));
  const env: Record<string, string> = {
    PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ""}`,
    HOME: dir,
    SCRILLA_HOME: join(dir, "home"),
    SQLITE_FILE: join(dir, "cache.db"),
    DATA_DIR: EXAMPLES,
    LOG_LEVEL: "info",
    NO_COLOR: "1",
    ...NO_NETWORK,
  };
  return {
    dir,
    env,
    run: (args, extra = {}) => runCli(args, { ...env, ...extra }, dir),
    close: () => rm(dir, { recursive: true, force: true }),
  };
}
