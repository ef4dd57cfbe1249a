import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { type BenchFigure, timeMsAsync } from "../../../scripts/bench-kit.js";
import { DynamoDBCacheStore } from "../src/dynamodb/index.js";
import { type PriceRow, SqliteCacheStore } from "../src/index.js";
import { dynamoDBLocalClientConfig, startDynamoDBLocal } from "../src/testing/index.js";

const TICKERS = 500;
const DAYS = 2_520; // ten years of trading days
const DYNAMO_ITEMS = 10_000;

/** SQLite: 1.26 M price rows written (one transaction per ticker) and read back; DynamoDB Local via the jar. */
export async function run(): Promise<BenchFigure[]> {
  return [...(await sqliteFigures()), ...(await dynamoFigures())];
}

function prices(count: number, start: string): PriceRow[] {
  const day = new Date(`${start}T00:00:00Z`);
  const rows: PriceRow[] = [];
  for (let i = 0; i < count; i++) {
    rows.push({ date: day.toISOString().slice(0, 10), open: 100 + Math.sin(i), close: 100 + Math.cos(i) });
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return rows;
}

async function sqliteFigures(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), "scrilla-cache-bench-"));
  const rows = prices(DAYS, "2010-01-01");
  const all = { start: rows[0]!.date, end: rows.at(-1)!.date };
  const tickers = Array.from({ length: TICKERS }, (_, i) => `T${String(i).padStart(3, "0")}`);
  const writes: Timing[] = [];
  const reads: Timing[] = [];
  try {
    for (let runNumber = 0; runNumber < 3; runNumber++) {
      const store = new SqliteCacheStore({ file: join(dir, `bench-${runNumber}.db`) }); // a fresh file per run
      writes.push(
        await timed(async () => {
          for (const ticker of tickers) await store.putPrices(ticker, rows, all);
        }),
      );
      let count = 0;
      reads.push(
        await timed(async () => {
          for (const ticker of tickers) count += (await store.getPrices(ticker, all)).length;
        }),
      );
      if (count !== TICKERS * DAYS) throw new Error(`read back ${count} rows, expected ${TICKERS * DAYS}`);
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const size = `${TICKERS} tickers × ${DAYS} days (1.26 M rows)`;
  // CPU time as well as wall time: on a shared, busy machine the wall time mostly measures the other load.
  return [
    {
      name: "cache sqlite: write prices, wall (target < 3000)",
      value: median(writes.map((t) => t.wallMs)),
      unit: "ms",
      size,
    },
    { name: "cache sqlite: write prices, CPU", value: median(writes.map((t) => t.cpuMs)), unit: "ms", size },
    {
      name: "cache sqlite: read back all, wall (target < 1000)",
      value: median(reads.map((t) => t.wallMs)),
      unit: "ms",
      size,
    },
    { name: "cache sqlite: read back all, CPU", value: median(reads.map((t) => t.cpuMs)), unit: "ms", size },
  ];
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

async function timed(work: () => Promise<void>): Promise<Timing> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  await work();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
}

async function dynamoFigures(): Promise<BenchFigure[]> {
  const local = await startDynamoDBLocal({ backend: "jar", log: () => {} });
  const client = new DynamoDBClient(dynamoDBLocalClientConfig(local.endpoint));
  try {
    const store = new DynamoDBCacheStore({ client, tablePrefix: "bench_", provision: "auto" });
    await store.ready();
    const rows = prices(DYNAMO_ITEMS, "1980-01-01");
    const all = { start: rows[0]!.date, end: rows.at(-1)!.date };
    let runNumber = 0;
    const write = await timeMsAsync(() => store.putPrices(`W${runNumber++}`, rows), 3, 1);
    const read = await timeMsAsync(
      async () => {
        const got = await store.getPrices("W0", all);
        if (got.length !== DYNAMO_ITEMS) throw new Error(`read back ${got.length} items, expected ${DYNAMO_ITEMS}`);
      },
      3,
      1,
    );
    const size = `${DYNAMO_ITEMS.toLocaleString("en")} prices, DynamoDB Local (jar)`;
    return [
      { name: "cache dynamodb: BatchWriteItem prices (median of 3)", value: write, unit: "ms", size },
      { name: "cache dynamodb: Query read back (median of 3)", value: read, unit: "ms", size },
    ];
  } finally {
    client.destroy();
    await local.stop();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
