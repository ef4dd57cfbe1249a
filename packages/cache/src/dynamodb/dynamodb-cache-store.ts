import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  paginateScan,
  type QueryCommandInput,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { DateRange, Maturity } from "@scrilla/core";
import { invalidInput, ScrillaError } from "@scrilla/core/errors";
import { isMaturity, MATURITIES } from "@scrilla/core/maturities";
import type {
  CacheStore,
  CorrelationKey,
  FetchedRangeKind,
  FetchLease,
  FetchLeaseRequest,
  InterestRow,
  PriceRow,
  ProfileFields,
  ProfileKey,
} from "../cache-store.js";
import { assertDateRange } from "../date-ranges.js";
import { countWithin, rowsWithin, type StoredMarker, trustedRanges } from "../marker-trust.js";
import {
  assertProfileKey,
  assertTicker,
  canonicalCorrelationKey,
  correlationSortKey,
  FETCHED_MARKER_PREFIX,
  fetchedMarker,
  fetchedPartition,
  parseFetchedMarker,
  profileSortKey,
  weekendsFlag,
  YIELD_CURVE_PARTITION,
} from "../record-keys.js";
import {
  assertCorrelationValue,
  assertInterestRows,
  assertPriceRows,
  definedProfileFields,
  PROFILE_FIELD_NAMES,
} from "../row-validation.js";
import { batchWrite, DEFAULT_RETRY_POLICY, type RetryPolicy, type WriteRequest } from "./batch-write.js";
import { dynamoError } from "./dynamodb-errors.js";
import { acquireDynamoDBLease } from "./dynamodb-fetch-lease.js";
import type { DynamoDBStoreSettings, DynamoProvision } from "./dynamodb-store-settings.js";
import { provisionTables } from "./provision-tables.js";
import {
  type ResolvedTableDefinition,
  resolveTableDefinitions,
  TABLE_KINDS,
  type TableKind,
} from "./table-definitions.js";

export type { DynamoProvision };

/** The SDK-free settings plus the SDK-typed ones: a ready client, or the full client configuration. */
export interface DynamoDBCacheStoreOptions extends Omit<DynamoDBStoreSettings, "clientConfig"> {
  /** An SDK client to use (and not to destroy on close); otherwise one is made from `clientConfig`. */
  client?: DynamoDBClient;
  clientConfig?: DynamoDBClientConfig;
}

type Item = Record<string, unknown>;

/** The four tables of DESIGN §4 over the item API only (no PartiQL, so IAM can name exact actions). */
export class DynamoDBCacheStore implements CacheStore {
  readonly backend = "dynamodb";
  readonly tables: Readonly<Record<TableKind, ResolvedTableDefinition>>;
  readonly client: DynamoDBClient;
  readonly #documents: DynamoDBDocumentClient;
  readonly #ownsClient: boolean;
  readonly #provision: DynamoProvision;
  readonly #retry: RetryPolicy;
  readonly #writeConcurrency: number;
  readonly #pageSize: number | undefined;
  readonly #consistentRead: boolean;
  #ready: Promise<void> | undefined;

  constructor(options: DynamoDBCacheStoreOptions = {}) {
    const provision = options.provision ?? "never";
    if (provision !== "auto" && provision !== "never") {
      throw new ScrillaError("CONFIG", `DYNAMO_PROVISION must be "auto" or "never"; got ${JSON.stringify(provision)}.`);
    }
    const resolved = resolveTableDefinitions({ tablePrefix: options.tablePrefix, billing: options.billing });
    this.tables = Object.fromEntries(resolved.map((table) => [table.kind, table])) as Record<
      TableKind,
      ResolvedTableDefinition
    >;
    this.#ownsClient = !options.client;
    this.client =
      options.client ?? new DynamoDBClient(withDeadline(options.clientConfig ?? {}, options.requestTimeoutMs));
    this.#documents = DynamoDBDocumentClient.from(this.client, {
      marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
    });
    this.#provision = provision;
    this.#retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#writeConcurrency = options.writeConcurrency ?? 8;
    this.#pageSize = options.queryPageSize;
    this.#consistentRead = options.consistentRead ?? false;
  }

  /** Creates missing tables when provisioning is `auto`; called before the first operation. */
  ready(): Promise<void> {
    if (this.#provision === "never") return Promise.resolve();
    this.#ready ??= provisionTables(this.client, Object.values(this.tables)).catch((error: unknown) => {
      this.#ready = undefined; // let a later call try again
      throw error;
    });
    return this.#ready;
  }

  async putPrices(ticker: string, rows: readonly PriceRow[], covered?: DateRange): Promise<void> {
    assertTicker(ticker);
    assertPriceRows(ticker, rows);
    if (covered) assertDateRange(covered, "covered range");
    // One request per key: BatchWriteItem rejects a batch that names a key twice. Last row wins, like an upsert.
    const byDate = new Map<string, Item>();
    for (const row of rows) {
      byDate.set(row.date, {
        ticker,
        date: row.date,
        close: row.close,
        ...(row.open === null ? {} : { open: row.open }),
      });
    }
    const requests: WriteRequest[] = [...byDate.values()].map((Item) => ({ PutRequest: { Item } }));
    await this.#batchWrite("prices", requests);
    // Only after every batch succeeded: a writer dying mid-way leaves rows without a marker (refetched), never
    // a marker without its rows. The count lets a reader check that the rows are still all there.
    if (covered) {
      await this.#putMarker("prices", {
        ticker,
        date: fetchedMarker(covered),
        rows: rowsWithin(byDate.keys(), covered),
      });
    }
  }

  async getPrices(ticker: string, range: DateRange): Promise<PriceRow[]> {
    assertTicker(ticker);
    assertDateRange(range);
    const items = await this.#query("prices", `reading prices of ${ticker}`, {
      KeyConditionExpression: "#partition = :partition AND #date BETWEEN :start AND :end",
      ExpressionAttributeNames: { "#partition": "ticker", "#date": "date" },
      ExpressionAttributeValues: { ":partition": ticker, ":start": range.start, ":end": range.end },
    });
    return items.map((item) => ({
      date: item.date as string,
      open: (item.open as number | undefined) ?? null,
      close: item.close as number,
    }));
  }

  async putInterest(rows: readonly InterestRow[], covered?: DateRange): Promise<void> {
    assertInterestRows(rows);
    if (covered) assertDateRange(covered, "covered range");
    const byKey = new Map<string, Item>();
    for (const row of rows) {
      byKey.set(`${row.maturity}|${row.date}`, {
        maturity: row.maturity,
        date: row.date,
        ...(row.value === null ? {} : { value: row.value }),
      });
    }
    const requests: WriteRequest[] = [...byKey.values()].map((Item) => ({ PutRequest: { Item } }));
    await this.#batchWrite("interest", requests);
    if (covered) {
      const rows = rowsWithin(
        [...byKey.values()].map((item) => item.date as string),
        covered,
      );
      await this.#putMarker("interest", { maturity: YIELD_CURVE_PARTITION, date: fetchedMarker(covered), rows });
    }
  }

  async getInterest(maturity: Maturity, range: DateRange): Promise<InterestRow[]> {
    if (!isMaturity(maturity))
      throw invalidInput(`Unknown maturity ${JSON.stringify(maturity)}; use one of MATURITIES.`);
    assertDateRange(range);
    const items = await this.#query("interest", `reading ${maturity} interest`, {
      KeyConditionExpression: "#partition = :partition AND #date BETWEEN :start AND :end",
      ExpressionAttributeNames: { "#partition": "maturity", "#date": "date" },
      ExpressionAttributeValues: { ":partition": maturity, ":start": range.start, ":end": range.end },
    });
    return items.map((item) => ({
      maturity,
      date: item.date as string,
      value: (item.value as number | undefined) ?? null,
    }));
  }

  async getProfile(key: ProfileKey): Promise<ProfileFields | undefined> {
    assertProfileKey(key);
    await this.ready();
    const TableName = this.tables.profile.TableName;
    try {
      const output = await this.#documents.send(
        new GetCommand({
          TableName,
          Key: { ticker: key.ticker, profile_key: profileSortKey(key) },
          ConsistentRead: this.#consistentRead,
        }),
      );
      return output.Item ? profileFields(output.Item) : undefined;
    } catch (error) {
      throw dynamoError(error, `reading the ${key.ticker} profile`, TableName);
    }
  }

  async mergeProfile(key: ProfileKey, fields: ProfileFields): Promise<ProfileFields> {
    assertProfileKey(key);
    const values: Item = {
      start_date: key.startDate,
      end_date: key.endDate,
      method: key.method,
      weekends: weekendsFlag(key.weekends),
      ...definedProfileFields(fields),
    };
    const names = Object.keys(values);
    await this.ready();
    const TableName = this.tables.profile.TableName;
    try {
      // One UpdateItem: only the given statistics change, the others stay (D-47).
      const output = await this.#documents.send(
        new UpdateCommand({
          TableName,
          Key: { ticker: key.ticker, profile_key: profileSortKey(key) },
          UpdateExpression: `SET ${names.map((name) => `#${name} = :${name}`).join(", ")}`,
          ExpressionAttributeNames: Object.fromEntries(names.map((name) => [`#${name}`, name])),
          ExpressionAttributeValues: Object.fromEntries(names.map((name) => [`:${name}`, values[name]])),
          ReturnValues: "ALL_NEW",
        }),
      );
      return profileFields(output.Attributes ?? {});
    } catch (error) {
      throw dynamoError(error, `saving the ${key.ticker} profile`, TableName);
    }
  }

  async getCorrelation(key: CorrelationKey): Promise<number | undefined> {
    const canonical = canonicalCorrelationKey(key);
    await this.ready();
    const TableName = this.tables.correlations.TableName;
    try {
      const output = await this.#documents.send(
        new GetCommand({
          TableName,
          Key: { ticker_1: canonical.ticker1, correlation_key: correlationSortKey(canonical) },
          ConsistentRead: this.#consistentRead,
        }),
      );
      return output.Item?.correlation as number | undefined;
    } catch (error) {
      throw dynamoError(error, "reading a correlation", TableName);
    }
  }

  async putCorrelation(key: CorrelationKey, correlation: number): Promise<void> {
    const canonical = canonicalCorrelationKey(key);
    assertCorrelationValue(correlation);
    await this.ready();
    const TableName = this.tables.correlations.TableName;
    try {
      await this.#documents.send(
        new PutCommand({
          TableName,
          Item: {
            ticker_1: canonical.ticker1,
            correlation_key: correlationSortKey(canonical),
            ticker_2: canonical.ticker2,
            start_date: canonical.startDate,
            end_date: canonical.endDate,
            method: canonical.method,
            weekends: weekendsFlag(canonical.weekends),
            correlation,
          },
        }),
      );
    } catch (error) {
      throw dynamoError(error, "saving a correlation", TableName);
    }
  }

  async getFetchedRanges(kind: FetchedRangeKind, key: string): Promise<DateRange[]> {
    if (kind === "prices") assertTicker(key);
    else if (kind !== "interest") throw invalidInput(`Unknown fetched-range kind ${JSON.stringify(kind)}.`);
    const doing = `reading fetched ranges of ${key}`;
    const items = await this.#query(kind, doing, {
      KeyConditionExpression: "#partition = :partition AND begins_with(#date, :prefix)",
      ExpressionAttributeNames: { "#partition": kind === "prices" ? "ticker" : "maturity", "#date": "date" },
      ExpressionAttributeValues: { ":partition": fetchedPartition(kind, key), ":prefix": FETCHED_MARKER_PREFIX },
    });
    const markers: StoredMarker[] = items.flatMap((item) => {
      const range = parseFetchedMarker(item.date as string);
      return range ? [{ range, rows: typeof item.rows === "number" ? item.rows : undefined }] : [];
    });
    const counted = markers.filter((marker) => marker.rows !== undefined && marker.rows > 0);
    if (counted.length === 0) return trustedRanges(markers, () => 0, false);
    const starts = counted.map(({ range }) => range.start).sort();
    const ends = counted.map(({ range }) => range.end).sort();
    const span = { start: starts[0]!, end: ends.at(-1)! };
    // One date-only read per partition over the markers' span tells how many of their rows are there.
    const partitions = kind === "prices" ? [key] : [...MATURITIES];
    const dates = await Promise.all(partitions.map((partition) => this.#datesOf(kind, partition, span, doing)));
    const present = (range: DateRange) => dates.reduce((sum, list) => sum + countWithin(list, range), 0);
    // Markers without a count predate markers-last writes: they may have outlived lost rows, so they are refetched.
    return trustedRanges(markers, present, false);
  }

  /** A conditional-write lease in the markers' partition (dynamodb-fetch-lease.ts): one fetcher per key at a time. */
  async acquireFetchLease(
    kind: FetchedRangeKind,
    key: string,
    request: FetchLeaseRequest,
  ): Promise<FetchLease | undefined> {
    if (kind === "prices") assertTicker(key);
    else if (kind !== "interest") throw invalidInput(`Unknown fetched-range kind ${JSON.stringify(kind)}.`);
    await this.ready();
    return acquireDynamoDBLease(
      this.#documents,
      {
        tableName: this.tables[kind].TableName,
        partitionName: kind === "prices" ? "ticker" : "maturity",
        partition: fetchedPartition(kind, key),
        what: kind === "prices" ? `${key} prices` : "the yield curve",
      },
      request,
    );
  }

  async #datesOf(kind: FetchedRangeKind, partition: string, span: DateRange, doing: string): Promise<string[]> {
    const items = await this.#query(kind, doing, {
      KeyConditionExpression: "#partition = :partition AND #date BETWEEN :start AND :end",
      ProjectionExpression: "#date",
      ExpressionAttributeNames: { "#partition": kind === "prices" ? "ticker" : "maturity", "#date": "date" },
      ExpressionAttributeValues: { ":partition": partition, ":start": span.start, ":end": span.end },
    });
    return items.map((item) => item.date as string);
  }

  async #putMarker(kind: "prices" | "interest", Item: Item): Promise<void> {
    await this.ready();
    const TableName = this.tables[kind].TableName;
    try {
      await this.#documents.send(new PutCommand({ TableName, Item }));
    } catch (error) {
      throw dynamoError(error, "recording a fetched range", TableName);
    }
  }

  /** Deletes every item of the four tables (D-45) with Scan + BatchWriteItem: no DeleteTable permission needed. */
  async clear(): Promise<void> {
    await this.ready();
    for (const kind of TABLE_KINDS) {
      const table = this.tables[kind];
      const keyNames = table.KeySchema.map((element) => element.AttributeName);
      try {
        const pages = paginateScan(
          { client: this.#documents },
          {
            TableName: table.TableName,
            ProjectionExpression: keyNames.map((_, i) => `#k${i}`).join(", "),
            ExpressionAttributeNames: Object.fromEntries(keyNames.map((name, i) => [`#k${i}`, name])),
          },
        );
        for await (const page of pages) {
          const requests = (page.Items ?? []).map((Key) => ({ DeleteRequest: { Key } }));
          if (requests.length > 0) await this.#batchWrite(kind, requests);
        }
      } catch (error) {
        throw dynamoError(error, "clearing the table", table.TableName);
      }
    }
  }

  async close(): Promise<void> {
    if (this.#ownsClient) this.client.destroy();
  }

  async #batchWrite(kind: TableKind, requests: WriteRequest[]): Promise<void> {
    if (requests.length === 0) return;
    await this.ready();
    await batchWrite(this.#documents, this.tables[kind].TableName, requests, {
      retry: this.#retry,
      concurrency: this.#writeConcurrency,
    });
  }

  async #query(kind: TableKind, doing: string, input: Omit<QueryCommandInput, "TableName">): Promise<Item[]> {
    await this.ready();
    const TableName = this.tables[kind].TableName;
    const items: Item[] = [];
    try {
      const pages = paginateQuery(
        { client: this.#documents, ...(this.#pageSize ? { pageSize: this.#pageSize } : {}) },
        { ...input, TableName, ConsistentRead: this.#consistentRead },
      );
      for await (const page of pages) for (const item of page.Items ?? []) items.push(item);
    } catch (error) {
      throw dynamoError(error, doing, TableName);
    }
    return items;
  }
}

/** Unless the caller brings its own request handler: every request fails (and is retried) past the deadline. */
function withDeadline(config: DynamoDBClientConfig, requestTimeoutMs = 30_000): DynamoDBClientConfig {
  if (config.requestHandler) return config;
  if (!Number.isInteger(requestTimeoutMs) || requestTimeoutMs < 1) {
    throw new ScrillaError(
      "CONFIG",
      `The DynamoDB request timeout must be a whole number of ms >= 1; got ${requestTimeoutMs}.`,
    );
  }
  return {
    ...config,
    requestHandler: {
      requestTimeout: requestTimeoutMs,
      connectionTimeout: requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
  };
}

function profileFields(item: Item): ProfileFields {
  const fields: ProfileFields = {};
  for (const name of PROFILE_FIELD_NAMES) {
    const value = item[name];
    if (typeof value === "number") fields[name] = value;
  }
  return fields;
}
