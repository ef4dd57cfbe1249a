import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * cdktf's Testing helpers leave `$TMPDIR/cdktf.outdir.*` folders behind. Point TMPDIR at a private folder
 * for the test run (workers inherit it) and delete the folder afterwards.
 */
export default function setup(): () => void {
  const privateTmp = mkdtempSync(join(tmpdir(), "scrilla-infra-test-"));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = privateTmp;
  return () => {
    rmSync(privateTmp, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  };
}
