import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

export interface StaticFile {
  body: Buffer;
  type: string;
  /** Vite names built assets by content hash, so they never change and may be cached for a year. */
  immutable: boolean;
}

/** The file of the built web app at a URL path (index.html for "/"), or undefined; never outside `root`. */
export async function readStaticFile(root: string, pathname: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const relative = normalize(decoded === "/" ? "/index.html" : decoded).replace(/^([/\\])+/, "");
  const path = join(root, relative);
  if (relative.startsWith("..") || !path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  try {
    if (!(await stat(path)).isFile()) return undefined;
    return {
      body: await readFile(path),
      type: TYPES[extname(path).toLowerCase()] ?? "application/octet-stream",
      immutable: relative.startsWith(`assets${sep}`),
    };
  } catch {
    return undefined;
  }
}
