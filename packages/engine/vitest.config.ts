import { defineConfig } from "vitest/config";

export default defineConfig({
  // Budgets, not assertions: on two cores shared with other jobs, work here can run 10-20x slower than idle.
  test: { include: ["test/**/*.test.ts"], testTimeout: 300_000, hookTimeout: 600_000 },
});
