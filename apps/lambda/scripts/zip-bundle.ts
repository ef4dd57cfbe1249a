import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import yazl from "yazl";

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** A fixed timestamp makes the zip byte-identical for identical code, so Terraform sees no change. */
const EPOCH = new Date("2000-01-01T00:00:00Z");

export async function zipBundle(path: string, entries: readonly ZipEntry[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { mtime: EPOCH, mode: 0o100644 });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
}
