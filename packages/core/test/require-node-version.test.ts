import { describe, expect, it } from "vitest";
import { requireNodeVersion, ScrillaError } from "../src/index.js";

const need24 = (running: string) =>
  requireNodeVersion({ packageName: "@scrilla/cache", minimumMajor: 24, reason: "node:sqlite", running });

describe("requireNodeVersion", () => {
  it.each(["24.0.0", "24.11.1", "25.2.0", "v24.1.0"])("accepts Node %s", (running) => {
    expect(() => need24(running)).not.toThrow();
  });

  it.each(["20.20.2", "22.21.0", "23.11.0", "v18.0.0", "garbage"])(
    "rejects Node %s with a CONFIG error naming both versions",
    (running) => {
      let thrown: unknown;
      try {
        need24(running);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ScrillaError);
      expect(thrown).toMatchObject({ code: "CONFIG", details: { minimumMajor: 24, running } });
      const { message } = thrown as Error;
      expect(message).toContain("@scrilla/cache needs Node.js 24 or newer (node:sqlite)");
      expect(message).toContain(`this is Node.js ${running}`);
    },
  );
});
