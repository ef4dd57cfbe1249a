/**
 * Runs every workspace's benchmarks and writes bench-results.json at the root.
 * A workspace takes part by having `bench/index.ts` that exports `run(): Promise<BenchFigure[]>`.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  size: string;
}

const root = resolve(import.meta.dirname, "..");
const workspaceDirs = ["packages", "apps"].flatMap((group) => {
  const dir = join(root, group);
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
});
if (existsSync(join(root, "infra"))) workspaceDirs.push(join(root, "infra"));

const only = process.argv.slice(2);
const figures: BenchFigure[] = [];
for (const dir of workspaceDirs) {
  const entry = join(dir, "bench", "index.ts");
  if (!existsSync(entry)) continue;
  if (only.length > 0 && !only.some((name) => dir.endsWith(name))) continue;
  const module = (await import(pathToFileURL(entry).href)) as { run: () => Promise<BenchFigure[]> };
  const results = await module.run();
  figures.push(...results);
  for (const f of results) {
    console.log(`${f.name.padEnd(58)} ${formatValue(f.value).padStart(12)} ${f.unit.padEnd(6)} ${f.size}`);
  }
}

writeFileSync(join(root, "bench-results.json"), `${JSON.stringify(figures, null, 2)}\n`);
console.log(`\n${figures.length} figures written to bench-results.json`);

function formatValue(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toPrecision(3);
}
