import { readFile } from "node:fs/promises";
import { StampedFileCache } from "./stamped-file-cache.js";

/** Texts kept for their first user hold at most this many characters in all; past it, a user reads again. */
const KEPT_CHARACTERS = 32 * 2 ** 20;

/**
 * A short content hash of a file, recomputed only when its inode, size or mtime changed, and kept in
 * `cacheFile` between runs (so a warm run hashes no file). Content, not the stamp, is the identity: a
 * file rewritten with the same bytes keeps its cached data.
 *
 * A cold run reads each file once: the text read to hash it is kept (up to KEPT_CHARACTERS in all) for
 * whoever reads the file next in this process (the scan for the latest day, then the prices, which
 * `take` it), so they see exactly the content the hash names.
 */
export class FileIdentity {
  private readonly hashes: StampedFileCache<string>;
  private readonly kept = new Map<string, string>();
  private keptCharacters = 0;

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
      this.keep(path, bytes.toString("utf8"));
      return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
    });
    return hash ?? "missing";
  }

  /** The file's text: the one kept from hashing it when there is one (left for `take`), else read now. */
  async text(path: string): Promise<string> {
    await this.of(path);
    const kept = this.kept.get(path);
    if (kept !== undefined) return kept;
    const text = await readFile(path, "utf8");
    this.keep(path, text);
    return text;
  }

  /** The kept text of `path`, handed over once (later callers read the file). */
  take(path: string): string | undefined {
    const text = this.kept.get(path);
    if (text !== undefined) {
      this.kept.delete(path);
      this.keptCharacters -= text.length;
    }
    return text;
  }

  flushed(): Promise<void> {
    return this.hashes.flushed();
  }

  /** Keeps `text` as the file's current content, in place of any text kept from before it changed. */
  private keep(path: string, text: string): void {
    this.take(path);
    if (this.keptCharacters + text.length > KEPT_CHARACTERS) return;
    this.kept.set(path, text);
    this.keptCharacters += text.length;
  }
}
