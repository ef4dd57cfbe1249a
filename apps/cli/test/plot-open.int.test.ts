import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type OfflineWorld, startOfflineWorld } from "./support/offline-world.js";

// --open hands the written chart to the system opener; a fake opener on PATH records what it got.
let world: OfflineWorld;
let fakeBin: string;

beforeAll(async () => {
  world = await startOfflineWorld();
  fakeBin = join(world.dir, "fake-bin");
  await mkdir(fakeBin);
  for (const opener of ["xdg-open", "open"]) {
    const script = join(fakeBin, opener);
    await writeFile(
      script,
      `#!/bin/sh\nprintf '%s\\n' "$@" > "$OPENER_RECORD.tmp" && mv "$OPENER_RECORD.tmp" "$OPENER_RECORD"\n`,
    );
    await chmod(script, 0o755);
  }
});
afterAll(async () => world?.close());

describe("plot --open", () => {
  it("prints the path written and opens it in the system viewer", async () => {
    const record = join(world.dir, "opened.txt");
    const chart = join(world.dir, "curve.svg");
    const run = await world.run(["plot-yield-curve", "--save", chart, "--open"], {
      PATH: `${fakeBin}:${world.env.PATH}`,
      OPENER_RECORD: record,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(chart);
    // The opener runs detached; wait (generously) for its record to appear.
    const opened = await vi.waitFor(() => readFile(record, "utf8"), { timeout: 20_000, interval: 50 });
    expect(opened.trim()).toBe(chart);
  });

  it("without a viewer the chart is still written, with a warning naming the file", async () => {
    const chart = join(world.dir, "no-viewer.svg");
    const run = await world.run(["plot-yield-curve", "--save", chart, "--open"], { PATH: join(world.dir, "empty") });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(chart);
    expect(run.stderr).toMatch(/warning: cannot open .*no-viewer\.svg/);
    expect(await readFile(chart, "utf8")).toMatch(/^<svg/);
  });
});
