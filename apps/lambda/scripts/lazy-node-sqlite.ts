import type { Plugin } from "esbuild";

/**
 * @scrilla/cache imports `DatabaseSync` from node:sqlite statically, and a bundle hoists that import to its
 * top, so Node would load SQLite at every cold start. On Lambda (CACHE_MODE=dynamodb) it is never used:
 * this shim defers loading it to the first `new DatabaseSync(...)`, which keeps CACHE_MODE=sqlite working.
 * A new value import from node:sqlite fails the build ("No matching export"), so the shim cannot go stale.
 */
const SHIM = `export class DatabaseSync {
  constructor(...args) {
    const { DatabaseSync: Loaded } = process.getBuiltinModule("node:sqlite");
    return new Loaded(...args);
  }
}
`;

export const lazyNodeSqlite: Plugin = {
  name: "lazy-node-sqlite",
  setup(build) {
    build.onResolve({ filter: /^node:sqlite$/ }, () => ({ path: "node:sqlite", namespace: "lazy-node-sqlite" }));
    build.onLoad({ filter: /.*/, namespace: "lazy-node-sqlite" }, () => ({ contents: SHIM, loader: "js" }));
  },
};
