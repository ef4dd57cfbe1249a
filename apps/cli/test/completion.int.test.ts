import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { MATURITIES } from "@scrilla/core";
import { API_KEY_NAMES, COMMAND_SPECS } from "@scrilla/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_OPTIONS } from "../src/index.js";
import { type OfflineWorld, startOfflineWorld } from "./support/offline-world.js";

// The generated scripts, and the bash one exercised in a real bash: source it, set COMP_WORDS and
// COMP_CWORD as bash does on <TAB>, call the completion function and read COMPREPLY.
let world: OfflineWorld;
let bashScript: string;
const scripts: Record<string, string> = {};

beforeAll(async () => {
  world = await startOfflineWorld();
  for (const shell of ["bash", "zsh", "fish"]) {
    const run = await world.run(["completion", shell]);
    if (run.code !== 0) throw new Error(run.stderr);
    scripts[shell] = run.stdout;
  }
  bashScript = join(world.dir, "scrilla.bash");
  await writeFile(bashScript, scripts.bash!);
});
afterAll(async () => world?.close());

/** What bash offers for the words typed so far (the last word is the one being completed). */
function complete(...words: string[]): Promise<string[]> {
  const assignments = `COMP_WORDS=(${["scrilla", ...words].map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length}`;
  const program = `source '${bashScript}'; complete -p scrilla >/dev/null || exit 3; ${assignments}; _scrilla; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return new Promise((resolve, reject) => {
    execFile("bash", ["--norc", "--noprofile", "-c", program], { timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`bash failed: ${stderr}`));
      else resolve(stdout.split("\n").filter((line) => line !== ""));
    });
  });
}

const names = COMMAND_SPECS.flatMap((spec) => [spec.name, ...spec.aliases]);

describe("scrilla completion bash, in bash", () => {
  it.each(["plot-r", "c", "opt", ""])("completes command names starting with %j", async (prefix) => {
    expect((await complete(prefix)).sort()).toEqual(names.filter((name) => name.startsWith(prefix)).sort());
  });

  it("completes the options of the command being typed, and only those", async () => {
    expect(await complete("var", "ALLY", "--pr")).toEqual(["--prob"]);
    expect(await complete("risk-profile", "SPY", "--st")).toEqual(["--start"]);
    expect(await complete("yield-curve", "--en")).toEqual([]); // yield-curve has no --end
    const plotOptions = await complete("plot-ef", "SPY", "GLD", "--");
    expect(plotOptions).toContain("--open");
    expect(plotOptions).not.toContain("--json");
  });

  it("completes option values and symbols from the tables", async () => {
    expect(await complete("rp", "SPY", "--method", "")).toEqual(["moments", "percentiles", "likelihood"]);
    expect(await complete("screen", "-c", "v")).toEqual(["volatility"]);
    expect(await complete("store", "--key", "")).toEqual([...API_KEY_NAMES]);
    expect(await complete("interest", "T")).toEqual(MATURITIES.filter((m) => m.startsWith("T")));
    expect(await complete("completion", "")).toEqual(["bash", "zsh", "fish"]);
    expect(await complete("help", "plot-y")).toEqual(["plot-yield-curve"]);
    expect(await complete("var", "--prob", "")).toEqual([]);
  });
});

describe("zsh and fish scripts", () => {
  it.each(["zsh", "fish"])("%s names every command and alias and every option", (shell) => {
    for (const name of names) expect(scripts[shell]).toMatch(new RegExp(`[\\s'(|]${name}[:\\s|)]`));
    for (const option of CLI_OPTIONS)
      expect(scripts[shell]).toContain(shell === "fish" ? `-l ${option.long}` : `--${option.long}`);
  });

  it("zsh registers _scrilla for scrilla", () => {
    expect(scripts.zsh).toMatch(/^#compdef scrilla\n/);
    expect(scripts.zsh).toContain("compdef _scrilla scrilla");
  });

  it("an unknown shell is a usage error naming the known ones", async () => {
    const run = await world.run(["completion", "tcsh"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("bash, zsh, fish");
  });
});
