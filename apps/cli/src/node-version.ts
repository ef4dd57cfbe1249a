// Imported first by bin.ts: on an older Node.js, say which version is needed and exit instead of a stack trace.
import { isScrillaError, requireNodeVersion } from "@scrilla/core";

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
