import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The README example imports "@scrilla/cache"; its test runs it against the sources, no build needed.
  resolve: {
    alias: [{ find: /^@scrilla\/cache$/, replacement: fileURLToPath(new URL("src/index.ts", import.meta.url)) }],
  },
  // Budgets, not assertions: DynamoDB Local and SQLite writers on a loaded 2-core machine can be slow.
  test: { include: ["test/**/*.test.ts"], testTimeout: 180_000 },
});
