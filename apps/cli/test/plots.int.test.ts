import { readFileSync } from "node:fs";
import { join } from "node:path";
import { COMMAND_SPECS } from "@scrilla/engine";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, type CliWorld, inPool, startCliWorld } from "./support/cli-harness.js";
import { WINDOW } from "./support/golden.js";

// Every plot command of COMMAND_SPECS, rendered by the built CLI to SVG (and PNG) from real engine results.
const PLOTS: Record<string, { args: string[]; texts: string[] }> = {
  "plot-correlations": {
    args: ["SPY", "GLD", ...WINDOW],
    texts: ["Rolling correlation of SPY–GLD", "Correlation ρ (unitless)", "Date", "Pair"],
  },
  "plot-correlation-matrix": {
    args: ["ALLY", "BX", "SPY", ...WINDOW],
    texts: ["Correlation matrix", "Asset", "0.21", "0.59"],
  },
  "plot-dividends": {
    args: ["ALLY", "--discount", "0.05"],
    texts: ["ALLY dividends", "DDM value $68.42 at 5% discount", "Dividend per share (USD)", "linear growth fit"],
  },
  "plot-efficient-frontier": {
    args: ["ALLY", "BX", "SPY", ...WINDOW],
    texts: ["Efficient frontier of ALLY, BX, SPY", "Annual volatility σ", "Annual return μ"],
  },
  "plot-moving-averages": {
    args: ["ALLY", "--start", "2021-10-01", "--end", "2021-11-19"],
    texts: ["Moving averages of ALLY", "Annualised return", "MA_20", "MA_100"],
  },
  "plot-return-qq": {
    args: ["ALLY", ...WINDOW],
    texts: ["QQ plot of ALLY daily log returns (91 returns)", "Standard normal quantile (z)", "least-squares line"],
  },
  "plot-return-distribution": {
    args: ["ALLY", ...WINDOW],
    texts: ["Distribution of ALLY daily log returns (91 returns, 20 bins)", "Density (per unit return)", "normal fit"],
  },
  "plot-risk-profile": {
    args: ["ALLY", "BX", "SPY", ...WINDOW],
    texts: ["Risk-return profile", "Annual return μ", "BX"],
  },
  "plot-yield-curve": {
    args: ["--start", "2021-11-18"],
    texts: ["US Treasury yield curve on 2021-11-18", "Maturity (years)", "Yield per year"],
  },
};

let world: CliWorld;
const svgRuns = new Map<string, CliRun>();
const pngRuns = new Map<string, CliRun>();
let legacyPng: CliRun;
let badExtension: CliRun;

beforeAll(async () => {
  world = await startCliWorld();
  const warmUp = await world.run([
    "prices",
    "ALLY",
    "BX",
    "SPY",
    "GLD",
    "--start",
    "2021-01-04",
    "--end",
    "2021-11-19",
    "-q",
  ]);
  if (warmUp.code !== 0) throw new Error(`warm-up failed: ${warmUp.stderr}`);
  const names = Object.keys(PLOTS);
  const tasks = names.flatMap((name) => [
    async () => svgRuns.set(name, await world.run([name, ...PLOTS[name]!.args])),
    async () => pngRuns.set(name, await world.run([name, ...PLOTS[name]!.args, "--save", `${name}.png`])),
  ]);
  await inPool(tasks, 4);
  legacyPng = await world.run([
    "plot-rp",
    "ALLY",
    "SPY",
    "-start",
    "2021-07-14",
    "-end",
    "2021-11-19",
    "-save",
    "legacy.PNG",
  ]);
  badExtension = await world.run(["plot-yc", "--save", "chart.jpg"]);
}, 900_000); // a budget: dozens of CLI processes on a loaded 2-core machine

afterAll(async () => {
  await world?.close();
});

function parseSvg(path: string): { text: string; width: number; height: number } {
  const text = readFileSync(path, "utf8");
  expect(XMLValidator.validate(text)).toBe(true);
  const root = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(text).svg as Record<
    string,
    string
  >;
  return { text, width: Number(root.width), height: Number(root.height) };
}

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("plot commands", () => {
  it("cover every plot command of COMMAND_SPECS", () => {
    const plotCommands = COMMAND_SPECS.filter((spec) => spec.kind === "plot").map((spec) => spec.name);
    expect(Object.keys(PLOTS).sort()).toEqual(plotCommands.sort());
  });

  it.each(Object.keys(PLOTS))(
    "%s writes a valid SVG named after the command, with its title, axis titles and legend",
    (name) => {
      const run = svgRuns.get(name)!;
      expect(run.stderr).not.toMatch(/scrilla: [A-Z_]+:/);
      expect(run.code).toBe(0);
      const path = join(world.dir, `${name}.svg`);
      expect(run.stdout.trim()).toBe(path);
      const svg = parseSvg(path);
      expect(svg.width).toBeGreaterThan(200);
      expect(svg.height).toBeGreaterThan(200);
      for (const text of PLOTS[name]!.texts) expect(svg.text).toContain(text);
    },
  );

  it.each(Object.keys(PLOTS))("%s --save x.png writes a PNG twice the SVG's size", (name) => {
    const run = pngRuns.get(name)!;
    expect(run.code).toBe(0);
    const png = pngSize(join(world.dir, `${name}.png`));
    const svg = parseSvg(join(world.dir, `${name}.svg`));
    expect(png.width).toBe(2 * svg.width);
    expect(png.height).toBe(2 * svg.height);
  });

  it("accepts the original's -save spelling and an upper-case .PNG", () => {
    expect(legacyPng.code).toBe(0);
    expect(pngSize(join(world.dir, "legacy.PNG")).width).toBeGreaterThan(0);
  });

  it("refuses other image formats before fetching anything (exit 2)", () => {
    expect(badExtension.code).toBe(2);
    expect(badExtension.stderr.trim()).toMatch(/^scrilla: INVALID_INPUT: plots are written as \.svg or \.png/);
  });
});
