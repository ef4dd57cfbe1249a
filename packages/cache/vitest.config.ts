import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The README example imports "@scrilla/cache"; its test runs it against the sources, no build needed.
  resolve: {
    alias: [{ find: /^@scrilla\/cache$/, replacement: fileURLToPath(new URL("src/index.ts", import.meta.url)) }],
  },
  // Budgets, not assertions: on two cores shared with other jobs, work here can run 10-20x slower than idle.
  test: { include: ["test/**/*.test.ts"], testTimeout: 300_000, hookTimeout: 600_000 },
});
