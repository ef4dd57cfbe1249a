import { readFile } from "node:fs/promises";
import { StampedFileCache } from "./stamped-file-cache.js";

/**
 * A short content hash of a file, recomputed only when its inode, size or mtime changed, and kept in
 * `cacheFile` between runs (so a warm run hashes no file). Content, not the stamp, is the identity: a
 * file rewritten with the same bytes keeps its cached data.
 */
export class FileIdentity {
  private readonly hashes: StampedFileCache<string>;
  /** The bytes of files hashed and not yet taken (see `take`). */
  private readonly read = new Map<string, Buffer>();

  constructor(cacheFile?: string) {
    this.hashes = new StampedFileCache({
      ...(cacheFile ? { file: cacheFile } : {}),
      isValue: (value): value is string => typeof value === "string" && /^[0-9a-f]{16}$/.test(value),
    });
  }

  /** The hash, or "missing" when the file is not there. */
  async of(path: string): Promise<string> {
    const hash = await this.hashes.get(path, async () => {
      // Loaded on first use: node:crypto costs every start a few ms, and a warm run hashes nothing.
      const { createHash } = await import("node:crypto");
      const bytes = await readFile(path);
      this.read.set(path, bytes);
      return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
    });
    return hash ?? "missing";
  }

  /**
   * The bytes `of(path)` just read to hash, handed over once: a cold run reads each file once for its hash
   * and its prices, and the prices then come from exactly the content the hash names.
   */
  take(path: string): Buffer | undefined {
    const bytes = this.read.get(path);
    this.read.delete(path);
    return bytes;
  }

  flushed(): Promise<void> {
    return this.hashes.flushed();
  }
}
