// A writer that loses one DynamoDB batch and is then killed: argv = [endpoint, tablePrefix, ticker, window, today].
// Batch write call number 2 never completes (as if the process died with it in flight); every finished call
// prints "ok", the lost one "lost", so the parent knows when all the others landed and can SIGKILL this process.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBCacheStore } from "@scrilla/cache/dynamodb";
import { createEngine } from "@scrilla/engine";

const [endpoint, tablePrefix, ticker, window, today] = process.argv.slice(2);
const client = new DynamoDBClient({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
});
let calls = 0;
client.middlewareStack.add(
  (next, context) => async (args) => {
    if (context.commandName !== "BatchWriteItemCommand") return next(args);
    calls += 1;
    if (calls === 2) {
      process.stdout.write("lost\n");
      return new Promise(() => {});
    }
    const result = await next(args);
    process.stdout.write("ok\n");
    return result;
  },
  { step: "initialize", name: "loseOneBatch" },
);
const store = new DynamoDBCacheStore({ client, tablePrefix, provision: "never" });
const engine = await createEngine({ store, today });
await engine.run("prices", [ticker], JSON.parse(window));
process.stdout.write("finished\n");
