import { describe, expect, it } from "vitest";
import { createJsonLogger } from "../src/json-logger.js";

function capture(level?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const logger = createJsonLogger({
    level,
    base: { function: "risk-profile" },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { logger, out, err };
}

describe("createJsonLogger", () => {
  it("writes one JSON object per line: info to stdout, warn and error to stderr", () => {
    const { logger, out, err } = capture();
    logger.info("engine ready", { coldStartMs: 12 });
    logger.child({ requestId: "r1" }).warn("bad input", { status: 400 });
    logger.error("boom");
    expect(out.map((l) => JSON.parse(l))).toEqual([
      { time: expect.any(String), level: "info", message: "engine ready", function: "risk-profile", coldStartMs: 12 },
    ]);
    expect(err.map((l) => JSON.parse(l))).toEqual([
      {
        time: expect.any(String),
        level: "warn",
        message: "bad input",
        function: "risk-profile",
        requestId: "r1",
        status: 400,
      },
      { time: expect.any(String), level: "error", message: "boom", function: "risk-profile" },
    ]);
    expect([...out, ...err].every((line) => !line.includes("\n"))).toBe(true);
  });

  it("follows LOG_LEVEL: debug only when asked, errors even with none", () => {
    const info = capture("info");
    info.logger.debug("hidden");
    expect(info.out).toHaveLength(0);
    const debug = capture("verbose");
    debug.logger.debug("shown");
    expect(debug.out).toHaveLength(1);
    const none = capture("none");
    none.logger.info("hidden");
    none.logger.warn("hidden");
    none.logger.error("always");
    expect(none.out).toHaveLength(0);
    expect(none.err).toHaveLength(1);
  });
});
