import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchFigure } from "./bench.js";

export type { BenchFigure };

/** Median wall time in ms of `fn` over `runs` runs after `warmup` runs. */
export function timeMs(fn: () => unknown, runs = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** Median wall time in ms of an async `fn`. */
export async function timeMsAsync(fn: () => Promise<unknown>, runs = 5, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** The environment of a CLI process under bench: the bundled example prices, a cache and home in `dir`, quiet. */
export function offlineCliEnv(dir: string): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    HOME: dir,
    SCRILLA_HOME: join(dir, "home"),
    SQLITE_FILE: join(dir, "cache.db"),
    PRICE_MANAGER: "csv",
    PRICE_DIR: fileURLToPath(new URL("../examples/prices", import.meta.url)),
    LOG_LEVEL: "none",
  };
}
