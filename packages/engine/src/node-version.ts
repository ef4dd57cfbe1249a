// Imported first by the entry point: on an older Node.js, fail at import naming the version needed.
import { requireNodeVersion } from "@scrilla/core/node-version";

requireNodeVersion({
  packageName: "@scrilla/engine",
  minimumMajor: 24,
  reason: "its default cache is SQLite through node:sqlite",
  running: process.versions.node,
});
