import { DYNAMODB_LEASE_ACTIONS, type TableKind } from "@scrilla/cache/tables";

/**
 * What a command's code path reads or writes, in the engine's terms. A function's IAM grants are derived from
 * its command's needs (`FunctionSpec.needs`) through {@link DATA_ACCESS}, and nothing else;
 * `test/data-access.int.test.ts` runs every deployed command against DynamoDB Local and checks that the calls
 * it makes are exactly the ones granted.
 */
export type DataNeed = "prices" | "treasury" | "profiles" | "correlations" | "dividends";

export interface NeedAccess {
  /** The cache table the need reads and writes, if any. */
  readonly table?: TableKind;
  /** DynamoDB actions on that table's ARN. No need queries a secondary index, so none is granted `/index/*`. */
  readonly actions: readonly string[];
  /** Whether it calls AlphaVantage, so the function reads the key's SSM parameter. */
  readonly alphaVantageKey: boolean;
}

export const DATA_ACCESS: Readonly<Record<DataNeed, NeedAccess>> = {
  // Query: rows and "fetched" markers; BatchWriteItem: fetched rows; PutItem: the marker. PutItem (conditional)
  // and DeleteItem: the fetch lease, so one container fetches a ticker while the others wait for the cache.
  prices: {
    table: "prices",
    actions: ["dynamodb:Query", "dynamodb:BatchWriteItem", ...DYNAMODB_LEASE_ACTIONS],
    alphaVantageKey: true,
  },
  // The Treasury yield curve (risk-free rate, yield-curve): same shape as prices, lease included (one item in the
  // curve's partition); the Treasury needs no key.
  treasury: {
    table: "interest",
    actions: ["dynamodb:Query", "dynamodb:BatchWriteItem", ...DYNAMODB_LEASE_ACTIONS],
    alphaVantageKey: false,
  },
  // Cached statistics: GetItem reads a row, UpdateItem merges the computed fields into it.
  profiles: { table: "profile", actions: ["dynamodb:GetItem", "dynamodb:UpdateItem"], alphaVantageKey: false },
  correlations: { table: "correlations", actions: ["dynamodb:GetItem", "dynamodb:PutItem"], alphaVantageKey: false },
  // Dividend histories come straight from AlphaVantage and are not cached.
  dividends: { actions: [], alphaVantageKey: true },
};

/** DynamoDB grants by table, for a set of needs: each table once, its actions in a stable order. */
export function tableGrants(needs: readonly DataNeed[]): Map<TableKind, string[]> {
  const grants = new Map<TableKind, Set<string>>();
  for (const need of needs) {
    const { table, actions } = DATA_ACCESS[need];
    if (table === undefined) continue;
    const set = grants.get(table) ?? new Set<string>();
    for (const action of actions) set.add(action);
    grants.set(table, set);
  }
  return new Map([...grants].map(([table, actions]) => [table, [...actions].sort()]));
}

export const needsAlphaVantageKey = (needs: readonly DataNeed[]): boolean =>
  needs.some((need) => DATA_ACCESS[need].alphaVantageKey);
