// Imported first by the entry point: on an older Node.js, fail at import naming the version needed.
import { requireNodeVersion } from "@scrilla/core/node-version";

requireNodeVersion({
  packageName: "@scrilla/cache",
  minimumMajor: 24,
  reason: "its SQLite store uses node:sqlite",
  running: process.versions.node,
});
