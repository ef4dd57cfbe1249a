import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { COMMAND_SPECS } from "@scrilla/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, type CliWorld, jsonOf, startCliWorld } from "./support/cli-harness.js";

let world: CliWorld;
beforeAll(async () => {
  world = await startCliWorld();
});
afterAll(async () => {
  await world?.close();
});

describe("help and version", () => {
  it("help lists every command with its aliases, on stdout", async () => {
    const run = await world.run(["help"]);
    expect(run.code).toBe(0);
    for (const spec of COMMAND_SPECS) expect(run.stdout).toContain(`${spec.name} (${spec.aliases.join(", ")})`);
  });

  it("help cor|risk-profile|ddm shows only those commands, found by alias or name", async () => {
    const run = await world.run(["help", "cor", "risk-profile", "ddm"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("correlation (cor):");
    expect(run.stdout).toContain("risk-profile (rp):");
    expect(run.stdout).toContain("discount-dividend-model (ddm):");
    expect(run.stdout).not.toContain("efficient-frontier (ef)");
  });

  it("--help and -h print the overview; a bare scrilla prints it on stderr and exits 2", async () => {
    const [long, short, bare] = await Promise.all([world.run(["--help"]), world.run(["-h"]), world.run([])]);
    expect(long.code).toBe(0);
    expect(long.stdout).toContain("usage: scrilla <command>");
    expect(short.stdout).toBe(long.stdout);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe("");
    expect(bare.stderr).toContain("usage: scrilla <command>");
  });

  it("version prints three numeric parts (v and version alike)", async () => {
    const [full, alias] = await Promise.all([world.run(["version"]), world.run(["v"])]);
    expect(full.code).toBe(0);
    expect(full.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(alias.stdout).toBe(full.stdout);
  });
});

describe("data directory commands", () => {
  it("store writes <home>/common/<KEY>.json as {KEY: value}, with the legacy spellings too", async () => {
    const run = await world.run(["store", "-key", "ALPHA_VANTAGE_KEY", "-value", "secret-123"]);
    expect(run.code).toBe(0);
    const file = join(world.env.SCRILLA_HOME!, "common", "ALPHA_VANTAGE_KEY.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ ALPHA_VANTAGE_KEY: "secret-123" });
    expect(run.stdout + run.stderr).not.toContain("secret-123");
  });

  it("store without --value and with nothing on stdin is a usage error", async () => {
    const run = await world.run(["store", "--key", "ALPHA_VANTAGE_KEY"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^scrilla: INVALID_INPUT: no value for ALPHA_VANTAGE_KEY: pipe it in/);
  });

  it("store reads the value from stdin when --value is absent, and always leaves the file at mode 0600", async () => {
    const file = join(world.env.SCRILLA_HOME!, "common", "FRED_KEY.json");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, "{}", { mode: 0o644 });
    chmodSync(file, 0o644);
    const run = await world.run(["store", "--key", "FRED_KEY"], {}, "piped-secret-42\n");
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ FRED_KEY: "piped-secret-42" });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(run.stdout + run.stderr).not.toContain("piped-secret-42");
  });

  it("watch adds upper-cased symbols, sorted and de-duplicated; watchlist prints them numbered", async () => {
    expect((await world.run(["watch", "spy", "ALLY"])).code).toBe(0);
    const added = jsonOf(await world.run(["w", "bx", "SPY", "--json"]));
    expect(added).toEqual(["ALLY", "BX", "SPY"]);
    const listed = await world.run(["watchlist"]);
    expect(listed.stdout).toBe("1. ALLY\n2. BX\n3. SPY\n");
  });

  it("clear-common (ccm) deletes stored keys and the watchlist; clear-static (cs) empties static/", async () => {
    await world.run(["store", "--key", "FRED_KEY", "--value", "x"]);
    const common = join(world.env.SCRILLA_HOME!, "common");
    expect(existsSync(join(common, "FRED_KEY.json"))).toBe(true);
    const cleared = await world.run(["ccm"]);
    expect(cleared.code).toBe(0);
    expect(existsSync(join(common, "FRED_KEY.json"))).toBe(false);
    expect(existsSync(join(common, "watchlist.json"))).toBe(false);
    expect((await world.run(["watchlist", "--json"])).stdout.trim()).toBe("[]");
    expect((await world.run(["cs"])).code).toBe(0);
  });
});

describe("commands that use the engine", () => {
  const window = ["--start", "2021-07-14", "--end", "2021-11-19"];
  const priceRequests = () =>
    world.server.count({ service: "alphaVantage", params: { function: "TIME_SERIES_DAILY" } });

  it("clear-cache (cc) empties the cache: the next run fetches again; purge also empties the data directory", async () => {
    expect((await world.run(["prices", "ALLY", ...window, "-q"])).code).toBe(0);
    const fetched = priceRequests();
    expect((await world.run(["prices", "ALLY", ...window, "-q"])).code).toBe(0);
    expect(priceRequests()).toBe(fetched);
    expect((await world.run(["cc"])).code).toBe(0);
    expect((await world.run(["prices", "ALLY", ...window, "-q"])).code).toBe(0);
    expect(priceRequests()).toBe(fetched + 1);

    await world.run(["watch", "ALLY"]);
    expect((await world.run(["purge"])).code).toBe(0);
    expect(existsSync(join(world.env.SCRILLA_HOME!, "common", "watchlist.json"))).toBe(false);
    expect((await world.run(["prices", "ALLY", ...window, "-q"])).code).toBe(0);
    expect(priceRequests()).toBe(fetched + 2);
  });

  it("a key stored with scrilla store is the key market-data uses when the environment has none", async () => {
    const withoutKey = { ALPHA_VANTAGE_KEY: undefined };
    await world.run(["ccm"]);
    const missing = await world.run(["prices", "GLD", ...window], withoutKey);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/scrilla: API_KEY_MISSING: .*ALPHA_VANTAGE_KEY/);
    expect((await world.run(["store", "--key", "ALPHA_VANTAGE_KEY", "--value", "from-the-key-file"])).code).toBe(0);
    const stored = await world.run(["prices", "GLD", ...window, "--json"], withoutKey);
    expect(Object.keys((jsonOf(stored) as Record<string, object>).GLD!)).toHaveLength(92);
  });

  it("screen without symbols screens the watchlist (§6.6); with an empty watchlist it says how to fill it", async () => {
    await world.run(["ccm"]);
    const empty = await world.run(["screen", "--criteria", "ddm", "--discount", "0.05"]);
    expect(empty.code).toBe(2);
    expect(empty.stderr.trim()).toMatch(
      /^scrilla: INVALID_INPUT: screen needs tickers or a watchlist; add some with scrilla watch/,
    );
    await world.run(["watch", "ALLY", "BX"]);
    const screened = jsonOf(await world.run(["scr", "--criteria", "ddm", "--discount", "0.05", "--json"]));
    expect(Object.keys(screened as object).sort()).toEqual(["ALLY", "BX"]);
  });
});

describe("colour", () => {
  // `script` (util-linux) runs the CLI on a pseudo-terminal, the only way to see what a user's terminal gets.
  const onTerminal = (extra: Record<string, string>) =>
    new Promise<string>((resolve, reject) => {
      const { NO_COLOR: _, ...env } = world.env;
      const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} store --key FRED_KEY --value x`;
      const options = { env: { ...env, TERM: "xterm-256color", ...extra }, encoding: "utf8" as const };
      execFile("script", ["-qec", command, "/dev/null"], options, (error, stdout) =>
        error
          ? reject(new Error(`this test needs util-linux's script to fake a terminal: ${error.message}`))
          : resolve(stdout),
      );
    });

  it("is used on a terminal and never with NO_COLOR or when piped", async () => {
    const tty = await onTerminal({});
    expect(tty).toContain("\u001b[36mscrilla: info:");
    const noColor = await onTerminal({ NO_COLOR: "1" });
    expect(noColor).toContain("scrilla: info:");
    expect(noColor).not.toContain("\u001b[");
    const piped = await world.run(["store", "--key", "FRED_KEY", "--value", "x"], { NO_COLOR: undefined });
    expect(piped.stderr).not.toContain("\u001b[");
  });
});
