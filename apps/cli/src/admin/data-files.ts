import { chmod, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ScrillaError } from "../light-imports.js";

/** Deletes every file in `dir` except `.gitkeep`; a missing directory counts as empty. Returns the count. */
export async function clearDirectory(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw cacheError(dir, error);
  }
  const doomed = names.filter((name) => name !== ".gitkeep");
  await Promise.all(doomed.map((name) => rm(join(dir, name), { recursive: true, force: true })));
  return doomed.length;
}

export async function readJsonFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new ScrillaError("CONFIG", `${path} is not valid JSON (${(error as Error).message}); fix or delete it.`);
  }
}

export async function writeJsonFile(path: string, dir: string, value: unknown): Promise<void> {
  try {
    // Not mkdir -p: Node's spins forever under an uncreatable path such as /proc/x.
    (await import("@scrilla/engine")).makeDirectories(dir);
    // A fresh file renamed over the old one: mode 0600 even when an older, wider-open file was there.
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
    await chmod(temporary, 0o600); // the umask cannot widen it, but an odd one could narrow it below owner rw
    await rename(temporary, path);
  } catch (error) {
    throw cacheError(dir, error);
  }
}

const cacheError = (dir: string, error: unknown) =>
  new ScrillaError(
    "CACHE_ERROR",
    `cannot use ${dir}: ${(error as Error).message}; check its permissions or set SCRILLA_HOME.`,
  );
