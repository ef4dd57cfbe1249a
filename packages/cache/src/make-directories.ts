import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * `mkdir -p` that always ends: Node's recursive mkdir spins forever at 100 % CPU under a path it cannot create
 * but whose parent looks absent (inside procfs, e.g. /proc/x/y). This creates one missing component at a time
 * and throws the first failure, so a bad SQLITE_FILE or SCRILLA_HOME is an error within milliseconds.
 */
export function makeDirectories(directory: string): void {
  const missing: string[] = [];
  let current = resolve(directory);
  for (;;) {
    const kind = kindOf(current);
    if (kind === "directory") break;
    if (kind === "other")
      throw Object.assign(new Error(`${current} exists and is not a directory`), { code: "ENOTDIR" });
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const path of missing.reverse()) {
    try {
      mkdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || kindOf(path) !== "directory") throw error;
    }
  }
}

function kindOf(path: string): "directory" | "other" | "missing" {
  try {
    return statSync(path).isDirectory() ? "directory" : "other";
  } catch {
    return "missing";
  }
}
