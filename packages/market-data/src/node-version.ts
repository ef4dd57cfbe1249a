// Imported first by the entry point: on an older Node.js, fail at import naming the version needed.
import { requireNodeVersion } from "@scrilla/core/node-version";

requireNodeVersion({
  packageName: "@scrilla/market-data",
  minimumMajor: 24,
  reason: "it is built and tested on Node.js 24 only",
  running: process.versions.node,
});
