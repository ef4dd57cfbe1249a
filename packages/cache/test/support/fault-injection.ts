/**
 * Faults injected into a real SDK client talking to DynamoDB Local, as an `initialize`-step middleware (outside
 * the SDK's own retry loop, so the adapter's retries are what is tested).
 */
import {
  DynamoDBClient,
  type DynamoDBClientConfig,
  ProvisionedThroughputExceededException,
} from "@aws-sdk/client-dynamodb";

type Requests = Record<string, unknown[]>;
interface BatchWriteInput {
  RequestItems: Requests;
}
interface BatchWriteOutput {
  UnprocessedItems?: Requests;
}

export interface FaultStats {
  batchWriteCalls: number;
  unprocessedInjected: number;
  throttlesInjected: number;
}

export interface FaultPlan {
  /** Leave the second half of a batch unprocessed, for this many calls. */
  unprocessedCalls?: number;
  /** Throw ProvisionedThroughputExceededException for this many calls (every other call). */
  throttleCalls?: number;
  /** Throw ProvisionedThroughputExceededException on every call. */
  throttleAll?: boolean;
  /** Answer every call with all its items unprocessed (capacity that never comes back). */
  stuck?: boolean;
  /** Throw this non-retryable error on every call (or only on call `fatalOnlyOnCall`, 1-based). */
  fatalError?: Error;
  fatalOnlyOnCall?: number;
}

export function faultyClient(config: DynamoDBClientConfig, plan: FaultPlan) {
  const client = new DynamoDBClient(config);
  const stats: FaultStats = { batchWriteCalls: 0, unprocessedInjected: 0, throttlesInjected: 0 };
  let unprocessedLeft = plan.unprocessedCalls ?? 0;
  let throttlesLeft = plan.throttleCalls ?? 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== "BatchWriteItemCommand") return next(args);
      stats.batchWriteCalls++;
      if (plan.fatalError && (plan.fatalOnlyOnCall ?? stats.batchWriteCalls) === stats.batchWriteCalls) {
        throw plan.fatalError;
      }
      if (plan.throttleAll || (throttlesLeft > 0 && stats.batchWriteCalls % 2 === 1)) {
        throttlesLeft--;
        stats.throttlesInjected++;
        throw new ProvisionedThroughputExceededException({ message: "injected throttling", $metadata: {} });
      }
      const input = args.input as BatchWriteInput;
      const [table, requests] = Object.entries(input.RequestItems)[0]!;
      if (plan.stuck) {
        stats.unprocessedInjected += requests.length;
        return { output: { UnprocessedItems: { [table]: requests }, $metadata: {} }, response: {} };
      }
      if (unprocessedLeft <= 0 || requests.length < 2) return next(args);
      unprocessedLeft--;
      const kept = requests.slice(0, Math.ceil(requests.length / 2));
      const dropped = requests.slice(kept.length);
      stats.unprocessedInjected += dropped.length;
      const result = await next({ ...args, input: { ...input, RequestItems: { [table]: kept } } });
      const output = result.output as BatchWriteOutput;
      output.UnprocessedItems = {
        ...output.UnprocessedItems,
        [table]: [...(output.UnprocessedItems?.[table] ?? []), ...dropped],
      };
      return result;
    },
    { step: "initialize", name: "scrillaFaultInjection" },
  );
  return { client, stats };
}
