import { randomUUID } from "node:crypto";
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { FetchLease, FetchLeaseRequest } from "../cache-store.js";
import { FETCH_LEASE_SORT_KEY } from "../record-keys.js";
import { dynamoError } from "./dynamodb-errors.js";

/** Where a lease item lives: its table and the partition (attribute name and value) of the markers it guards. */
export interface LeaseLocation {
  tableName: string;
  partitionName: string;
  partition: string;
  /** Said in errors, e.g. "SPY prices". */
  what: string;
}

const isConditionFailed = (error: unknown) =>
  (error as { name?: string } | null)?.name === "ConditionalCheckFailedException";

/**
 * Takes the lease with one conditional PutItem: it succeeds only when no lease item exists or the one there has
 * expired (its holder died mid-fetch), so of many containers asking at once exactly one gets it. The item
 * carries a fresh owner token, and release is a DeleteItem conditional on that token, so a holder whose lease
 * expired and was taken over never deletes its successor's. IAM: dynamodb:PutItem and dynamodb:DeleteItem.
 */
export async function acquireDynamoDBLease(
  documents: DynamoDBDocumentClient,
  location: LeaseLocation,
  request: FetchLeaseRequest,
): Promise<FetchLease | undefined> {
  const { tableName: TableName, partitionName, partition, what } = location;
  if (!Number.isFinite(request.now) || !Number.isInteger(request.ttlMs) || request.ttlMs < 1) {
    throw new RangeError(`A fetch lease needs a finite now and a whole ttlMs >= 1; got ${JSON.stringify(request)}.`);
  }
  const Key = { [partitionName]: partition, date: FETCH_LEASE_SORT_KEY };
  const owner = randomUUID();
  try {
    await documents.send(
      new PutCommand({
        TableName,
        Item: { ...Key, lease_owner: owner, lease_expires: request.now + request.ttlMs },
        ConditionExpression: "attribute_not_exists(#date) OR #expires <= :now",
        ExpressionAttributeNames: { "#date": "date", "#expires": "lease_expires" },
        ExpressionAttributeValues: { ":now": request.now },
      }),
    );
  } catch (error) {
    if (isConditionFailed(error)) return undefined;
    throw dynamoError(error, `taking the fetch lease of ${what}`, TableName);
  }
  return {
    async release() {
      try {
        await documents.send(
          new DeleteCommand({
            TableName,
            Key,
            ConditionExpression: "#owner = :owner",
            ExpressionAttributeNames: { "#owner": "lease_owner" },
            ExpressionAttributeValues: { ":owner": owner },
          }),
        );
      } catch (error) {
        // Expired and taken by another container meanwhile: it is theirs now, nothing of ours to give back.
        if (isConditionFailed(error)) return;
        throw dynamoError(error, `giving back the fetch lease of ${what}`, TableName);
      }
    },
  };
}
