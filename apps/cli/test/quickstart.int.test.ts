import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createEngine } from "@scrilla/engine";
import { describe, expect, it } from "vitest";
import { type CliRun, jsonOf } from "./support/cli-harness.js";
import { NO_NETWORK, REPO } from "./support/offline-world.js";

// scripts/quickstart.sh installs and builds, then runs one command offline and prints three more to
// try. Its run part (everything from the temp folder on) is run here as is, without the network.
const script = readFileSync(join(REPO, "scripts", "quickstart.sh"), "utf8");
const runPart = script.slice(script.indexOf("work=$(mktemp"));

function quickstart(args: string[]): Promise<CliRun> {
  const program = `set -euo pipefail\ncd '${REPO}'\nroot=$PWD\n${runPart}`;
  return new Promise((resolve) => {
    execFile(
      "bash",
      ["-c", program, "quickstart", ...args],
      {
        cwd: REPO,
        env: { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ""}`, NO_COLOR: "1", ...NO_NETWORK },
        timeout: 120_000,
        encoding: "utf8",
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
}

describe("the quick start", () => {
  it("runs its default job offline and hints three more commands that work offline too", async () => {
    expect(runPart).toContain("export DATA_DIR=");
    const first = await quickstart([]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("holdings");
    const hint = first.stderr.split("\n").find((line) => line.startsWith("== try next:"));
    expect(hint).toBeDefined();
    expect(hint!.split("\n")).toHaveLength(1);
    const commands = hint!
      .replace("== try next:", "")
      .split("·")
      .map((part) => part.trim().replace(/^scripts\/quickstart\.sh /, ""));
    expect(commands).toHaveLength(3);
    const library = await createEngine({ env: { DATA_DIR: join(REPO, "examples"), SQLITE_FILE: ":memory:" } });
    try {
      for (const command of commands) {
        const words = command.split(" ");
        const run = await quickstart([...words, "--json"]);
        expect(run.code, `${command}: ${run.stderr}`).toBe(0);
        expect(jsonOf(run), command).toEqual(await library.run(words[0]!, words.slice(1)));
      }
    } finally {
      await library.close();
    }
  }, 300_000);
});
