import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { DeleteCommand, DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, describe, expect, it } from "vitest";
import { DynamoDBCacheStore } from "../src/dynamodb/index.js";
import { SqliteCacheStore } from "../src/index.js";
import { dynamoDBLocalClientConfig } from "../src/testing/index.js";
import { useDynamoDBLocal } from "./support/dynamodb-suite.js";
import { expectScrillaError } from "./support/expect-error.js";
import { faultyClient } from "./support/fault-injection.js";
import { syntheticPrices } from "./support/fixture-prices.js";

const dir = mkdtempSync(join(tmpdir(), "scrilla-markers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const context = useDynamoDBLocal("jar");

const rows = syntheticPrices(300, "2000-01-01"); // 2000-01-01 .. 2000-10-26, one row a day
const covered = { start: "2000-01-01", end: "2000-10-26" };
const all = { start: "1900-01-01", end: "2100-12-31" };

describe("a reader never trusts a fetched marker whose rows are missing", () => {
  it("SQLite: a row deleted behind the store's back un-marks the range; the rest stays marked", async () => {
    const file = join(dir, "sqlite.db");
    const store = new SqliteCacheStore({ file });
    await store.putPrices("SPY", rows, covered);
    await store.putPrices("GLD", rows, covered);
    expect(await store.getFetchedRanges("prices", "SPY")).toEqual([covered]);
    const db = new DatabaseSync(file);
    db.prepare("DELETE FROM prices WHERE ticker = 'SPY' AND date = '2000-05-05'").run();
    db.close();
    expect(await store.getFetchedRanges("prices", "SPY")).toEqual([]);
    expect(await store.getFetchedRanges("prices", "GLD")).toEqual([covered]);
    await store.close();
  });

  it("DynamoDB: a missing row, or a marker without a row count (written before markers-last), is not trusted", async () => {
    const store = await context.openStore();
    const documents = DynamoDBDocumentClient.from(context.client);
    const TableName = store.tables.prices.TableName;
    await store.putPrices("SPY", rows, covered);
    expect(await store.getFetchedRanges("prices", "SPY")).toEqual([covered]);
    await documents.send(new DeleteCommand({ TableName, Key: { ticker: "SPY", date: "2000-05-05" } }));
    expect(await store.getFetchedRanges("prices", "SPY")).toEqual([]);

    await store.putPrices("GLD", rows.slice(0, 10));
    await documents.send(
      new PutCommand({ TableName, Item: { ticker: "GLD", date: "#fetched#2000-01-01#2000-01-10" } }),
    );
    expect(await store.getFetchedRanges("prices", "GLD")).toEqual([]);
  });

  it("DynamoDB: the yield-curve marker is checked across the maturity partitions", async () => {
    const store = await context.openStore();
    const interest = ["2021-11-01", "2021-11-02"].flatMap((date) =>
      (["ONE_MONTH", "TEN_YEAR"] as const).map((maturity) => ({ maturity, date, value: 1 })),
    );
    const range = { start: "2021-11-01", end: "2021-11-05" };
    await store.putInterest(interest, range);
    expect(await store.getFetchedRanges("interest", "TEN_YEAR")).toEqual([range]);
    const documents = DynamoDBDocumentClient.from(context.client);
    await documents.send(
      new DeleteCommand({
        TableName: store.tables.interest.TableName,
        Key: { maturity: "TEN_YEAR", date: "2021-11-02" },
      }),
    );
    expect(await store.getFetchedRanges("interest", "TEN_YEAR")).toEqual([]);
  });

  it("DynamoDB: when one row batch of many fails, no marker is written (markers last)", async () => {
    const healthy = await context.openStore();
    const { client } = faultyClient(dynamoDBLocalClientConfig(context.local.endpoint), {
      fatalError: Object.assign(new Error("injected"), { name: "ValidationException" }),
      fatalOnlyOnCall: 2,
    });
    const tablePrefix = healthy.tables.prices.TableName.replace(/prices$/, "");
    const store = new DynamoDBCacheStore({ client, tablePrefix, writeConcurrency: 1 });
    await expectScrillaError(store.putPrices("BX", rows, covered), "CACHE_ERROR");
    client.destroy();
    expect(await healthy.getFetchedRanges("prices", "BX")).toEqual([]);
    // Chunk 1 landed before chunk 2 failed: rows may stay, but without a marker they are refetched, not trusted.
    expect((await healthy.getPrices("BX", all)).length).toBeLessThan(rows.length);
  });
});
