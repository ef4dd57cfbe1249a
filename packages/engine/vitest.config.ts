import { defineConfig } from "vitest/config";

export default defineConfig({
  // Budgets, not assertions: DynamoDB Local and SQLite writers on a loaded 2-core machine can be slow.
  test: { include: ["test/**/*.test.ts"], testTimeout: 180_000 },
});
