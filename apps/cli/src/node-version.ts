// Imported first by bin.ts: on an older Node.js, say which version is needed and exit instead of a stack trace.
// The dependency-free entry points, not the core index: `scrilla help` stays fast (light-imports.ts).
import { isScrillaError } from "@scrilla/core/errors";
import { requireNodeVersion } from "@scrilla/core/node-version";

try {
  requireNodeVersion({
    packageName: "scrilla",
    minimumMajor: 24,
    reason: "its cache is SQLite through node:sqlite",
    running: process.versions.node,
  });
} catch (error) {
  if (!isScrillaError(error)) throw error;
  process.stderr.write(`scrilla: ${error.message}\n`);
  process.exit(1);
}
