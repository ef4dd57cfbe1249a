import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";

interface Known {
  stamp: string;
  hash: string;
}

/**
 * A short content hash of a file, recomputed only when its size, mtime or inode changed. Content, not the stamp,
 * is the identity: a file rewritten with the same bytes keeps its cached data, an edit within one mtime tick
 * does not.
 */
export class FileIdentity {
  private readonly known = new Map<string, Known>();

  async of(path: string): Promise<string> {
    let stamp: string;
    try {
      const info = await stat(path, { bigint: true });
      stamp = `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
      throw error;
    }
    const held = this.known.get(path);
    if (held?.stamp === stamp) return held.hash;
    const hash = createHash("sha256")
      .update(await readFile(path))
      .digest("hex")
      .slice(0, 16);
    this.known.set(path, { stamp, hash });
    return hash;
  }
}
