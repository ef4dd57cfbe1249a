// Runs one engine command in this (child) process and prints its JSON: "a new process on the same file".
import { createEngine } from "@scrilla/engine";

const [command, symbols, options, today] = JSON.parse(process.argv[2]);
const engine = await createEngine({ today });
try {
  process.stdout.write(JSON.stringify(await engine.run(command, symbols, options)));
} finally {
  await engine.close();
}
