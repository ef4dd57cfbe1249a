import { type BenchFigure, timeMs } from "../../../scripts/bench-kit.js";
import { NYSE_CALENDAR } from "../src/calendar/index.js";
import { discountDividendModel } from "../src/ddm/index.js";
import { conditionalValueAtRisk, normalCdf, normalQuantile } from "../src/probability/index.js";

const OPS = 100_000;

function sampleDates(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(1991, 0, 1 + ((i * 7919) % 15_000))).toISOString().slice(0, 10),
  );
}

// Quarterly dividends growing by a cent a year, 2012–2021.
const DIVIDENDS = Array.from({ length: 40 }, (_, i) => ({
  date: new Date(Date.UTC(2012, 3 * i, 15)).toISOString().slice(0, 10),
  amount: 0.2 + 0.0025 * i,
}));

let sink: unknown;

/** Calls `fn` on every item, keeping the last result alive so the work is not optimised away. */
function eachOf<T>(items: ArrayLike<T>, fn: (item: T) => unknown): void {
  for (let i = 0; i < items.length; i++) sink = fn(items[i] as T);
}

/** Calendar arithmetic, normal distribution and DDM throughput. */
export async function run(): Promise<BenchFigure[]> {
  const dates = sampleDates(OPS);
  const probabilities = Float64Array.from({ length: OPS }, (_, i) => (i + 0.5) / OPS);
  const gbm = { spot: 47.93, annualReturn: -0.1286, annualVolatility: 0.3174, expiry: 0.5 };
  const figures: BenchFigure[] = [
    {
      name: "core calendar addTradingDays(-100)",
      value: timeMs(() => eachOf(dates, (d) => NYSE_CALENDAR.addTradingDays(d, -100))),
      unit: "ms",
      size: `${OPS} calls`,
    },
    {
      name: "core calendar countTradingDays",
      value: timeMs(() => eachOf(dates, (d) => NYSE_CALENDAR.countTradingDays(d, "2035-12-31"))),
      unit: "ms",
      size: `${OPS} calls`,
    },
    {
      name: "core normalCdf",
      value: timeMs(() => eachOf(probabilities, (p) => normalCdf(8 * p - 4))),
      unit: "ms",
      size: `${OPS} calls`,
    },
    {
      name: "core normalQuantile",
      value: timeMs(() => eachOf(probabilities, (p) => normalQuantile(p))),
      unit: "ms",
      size: `${OPS} calls`,
    },
    {
      name: "core conditionalValueAtRisk",
      value: timeMs(() => eachOf(probabilities, (p) => conditionalValueAtRisk(gbm, p).loss)),
      unit: "ms",
      size: `${OPS} calls`,
    },
    {
      name: "core ddm closed form (40 payments)",
      value: timeMs(() => discountDividendModel({ dividends: DIVIDENDS, discountRate: 0.08, today: "2021-11-19" })),
      unit: "ms",
      size: `${DIVIDENDS.length} payments`,
    },
    {
      name: "core ddm tolerance series (40 payments)",
      value: timeMs(() =>
        discountDividendModel({
          dividends: DIVIDENDS,
          discountRate: 0.08,
          today: "2021-11-19",
          method: { kind: "tolerance" },
        }),
      ),
      unit: "ms",
      size: `${DIVIDENDS.length} payments`,
    },
  ];
  if (sink === undefined) throw new Error("benchmark produced nothing");
  return figures;
}
