import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchFigure, offlineCliEnv, timeMs, timeMsAsync } from "../../../scripts/bench-kit.js";
import { frontierInputs, optimiseForTarget } from "../src/optimiser.js";

const bin = fileURLToPath(new URL("../../cli/dist/bin.js", import.meta.url));

/** n synthetic assets: μ in [0, 0.3], σ in [0.1, 0.5], correlations of a two-factor model (so Σ is valid). */
function syntheticAssets(n: number) {
  let seed = 12_345;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const tickers = Array.from({ length: n }, (_, i) => `A${i}`);
  const loadings = tickers.map(() => [random() - 0.2, random() - 0.5]);
  const profiles = Object.fromEntries(
    tickers.map((ticker) => [ticker, { annual_return: 0.3 * random(), annual_volatility: 0.1 + 0.4 * random() }]),
  );
  const norm = loadings.map(([a, b]) => Math.sqrt(a! ** 2 + b! ** 2 + 0.3));
  const correlation_matrix = loadings.map(([a, b], i) =>
    loadings.map(([c, d], j) => (i === j ? 1 : (a! * c! + b! * d!) / (norm[i]! * norm[j]!))),
  );
  return { tickers, profiles, correlation: { correlation_matrix } };
}

/** The frontier view's target slider: one update computed in the page versus one API round trip. */
export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const n of [3, 20]) {
    const { tickers, profiles, correlation } = syntheticAssets(n);
    const inputs = frontierInputs(tickers, profiles, correlation);
    const middle = (inputs.range.minimum + inputs.range.maximum) / 2;
    figures.push({
      name: "web: target-slider re-optimisation in the page (optimiseForTarget, @scrilla/core)",
      value: timeMs(() => optimiseForTarget(inputs, middle), 51, 5),
      unit: "ms",
      size: `${n} assets`,
    });
  }
  if (!existsSync(bin)) throw new Error(`${bin} is missing; run pnpm build first.`);
  const dir = mkdtempSync(join(tmpdir(), "scrilla-web-bench-"));
  const server = spawn(process.execPath, [bin, "serve", "--port", "0"], {
    env: offlineCliEnv(dir),
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
      server.once("exit", (code) => reject(new Error(`scrilla serve exited ${code}`)));
    });
    const call = async () => {
      const response = await fetch(
        `${url}api/optimize-portfolio?tickers=SPY,GLD,BX&start=2021-07-14&end=2021-11-19&target=0.5`,
      );
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
      return response.json();
    };
    figures.push({
      name: "web: the same update as a request to scrilla serve (loopback, warm SQLite cache), the contender",
      value: await timeMsAsync(call, 15, 3),
      unit: "ms",
      size: "3 assets, 1 request",
    });
  } finally {
    server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
