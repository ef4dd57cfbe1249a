// One cold container, one invocation: argv = [bundle path, function, event JSON]; environment from process.env.
// Prints the answer as one JSON line and then simply returns: nothing may keep the process alive afterwards.
import { pathToFileURL } from "node:url";

const [bundle, command, event] = process.argv.slice(2);
const { createHandler } = await import(pathToFileURL(bundle).href);
const handler = createHandler({ env: { ...process.env, SCRILLA_FUNCTION: command }, today: "2021-11-19" });
process.stdout.write(`${JSON.stringify(await handler(JSON.parse(event)))}\n`);
