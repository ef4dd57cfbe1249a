import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 240_000,
    hookTimeout: 180_000,
    // One browser and one server for the whole run: the browser tests share a 2-core machine.
    fileParallelism: false,
  },
});
