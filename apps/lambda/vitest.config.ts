import { defineConfig } from "vitest/config";

// Budgets, not assertions: hooks start DynamoDB Local (up to 180 s on a loaded machine) and build an image.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 180_000, hookTimeout: 600_000 },
});
