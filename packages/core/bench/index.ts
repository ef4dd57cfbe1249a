import type { BenchFigure } from "../../../scripts/bench-kit.js";

export async function run(): Promise<BenchFigure[]> {
  return [
    ...(await import("./advanced-optimisers.js").then((suite) => suite.run())),
    ...(await import("./calendar-probability.js").then((suite) => suite.run())),
    ...(await import("./portfolio.js").then((suite) => suite.run())),
    ...(await import("./portfolio-builder.js").then((suite) => suite.run())),
    ...(await import("./statistics.js").then((suite) => suite.run())),
    ...(await import("./kernels.js").then((suite) => suite.run())),
  ];
}
