// One Node process holding several cold Lambda containers: argv = [bundle path, containers, function, event JSON].
// Each container is the bundle evaluated anew (a distinct module URL), so it shares no scrilla module state —
// engine, memory cache, store, HTTP client, pacing — with the others; its environment (with its own /tmp-like
// SCRILLA_HOME) comes as one JSON line per container on stdin. Prints "ready", waits for "go" so every process
// starts at once, then prints the answers as one JSON line.
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const [bundle, count, command, event] = process.argv.slice(2);
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const handlers = [];
for (let i = 0; i < Number(count); i++) {
  const env = JSON.parse((await lines.next()).value);
  const { createHandler } = await import(`${pathToFileURL(bundle).href}?container=${env.CONTAINER_ID}`);
  handlers.push(createHandler({ env: { ...env, SCRILLA_FUNCTION: command }, today: env.SCRILLA_TODAY }));
}
process.stdout.write("ready\n");
await lines.next();
const answers = await Promise.all(handlers.map((handler, i) => handler(JSON.parse(event), { awsRequestId: `c${i}` })));
process.stdout.write(`${JSON.stringify(answers)}\n`);
process.exit(0);
