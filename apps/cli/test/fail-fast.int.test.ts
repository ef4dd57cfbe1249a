import { spawn } from "node:child_process";
import { mkdirSync, rmdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, type CliWorld, startCliWorld } from "./support/cli-harness.js";

const W = ["--start", "2021-07-14", "--end", "2021-11-19"];

let world: CliWorld;
beforeAll(async () => {
  world = await startCliWorld();
});
afterAll(async () => world?.close());

describe("file-system failures end at once with one typed line (procfs paths cannot be created)", () => {
  it.each([
    [
      { SQLITE_FILE: "/proc/scrilla-test/cache/c.db" },
      ["risk-profile", "ALLY", ...W],
      1,
      /^scrilla: CACHE_ERROR: SQLite cache \/proc\/scrilla-test\/cache\/c\.db: opening the database failed/,
    ],
    [
      { SCRILLA_HOME: "/proc/scrilla-test/home" },
      ["risk-profile", "ALLY", ...W],
      2,
      /^scrilla: CONFIG: The data home \/proc\/scrilla-test\/home cannot be created/,
    ],
    [
      { SCRILLA_HOME: "/proc/scrilla-test/home" },
      ["store", "--key", "FRED_KEY", "--value", "abcdefgh"],
      1,
      /^scrilla: CACHE_ERROR: cannot use \/proc\/scrilla-test\/home\/common/,
    ],
  ])("%o %s", async (env, args, exit, says) => {
    const run = await world.run(args as string[], env);
    expect(run.code).toBe(exit);
    expect(
      run.stderr
        .trim()
        .split("\n")
        .filter((line) => !line.startsWith("scrilla: info:")),
    ).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(says);
  });

  it("a deleted working directory is one CONFIG line, not a stack trace", async () => {
    const gone = join(world.dir, "gone");
    mkdirSync(gone);
    const child = spawn(process.execPath, [BIN, "risk-profile", "ALLY", ...W], { cwd: gone, env: world.env });
    rmdirSync(gone); // removed before the CLI asks for its cwd (Node resolves the script by absolute path)
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^scrilla: CONFIG: the current directory no longer exists/);
  });
});
