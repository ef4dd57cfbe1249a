import { defineConfig } from "vitest/config";

// Budgets, not assertions: hooks start DynamoDB Local (up to 180 s on a loaded machine) and build an image.
export default defineConfig({
  // Budgets, not assertions: on two cores shared with other jobs, work here can run 10-20x slower than idle.
  test: { include: ["test/**/*.test.ts"], testTimeout: 300_000, hookTimeout: 600_000 },
});
