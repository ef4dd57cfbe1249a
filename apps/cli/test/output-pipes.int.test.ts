import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "./support/cli-harness.js";

describe("output to a pipe", () => {
  it("a reader that closes at once (scrilla … | head) ends the run quietly: exit 0, nothing on stderr", async () => {
    const home = mkdtempSync(join(tmpdir(), "scrilla-pipe-"));
    const child = spawn(process.execPath, [BIN, "help"], {
      env: { PATH: process.env.PATH, HOME: home, SCRILLA_HOME: join(home, "scrilla") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Closed before the child (≈ 100 ms to start) writes anything: its write meets EPIPE.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
