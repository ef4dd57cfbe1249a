import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliWorld, startCliWorld } from "./support/cli-harness.js";

const CANARY = "CANARY-7d1e5b9f";
const W = ["--start", "2021-07-14", "--end", "2021-11-19"];

/** Every file under `dir` (the SQLite cache, the data home, saved results), as bytes decoded leniently. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

let world: CliWorld;
beforeAll(async () => {
  world = await startCliWorld({ ALPHA_VANTAGE_KEY: CANARY, FRED_KEY: CANARY, LOG_LEVEL: "debug", HTTP_RETRIES: "1" });
});
afterAll(async () => world?.close());

describe("a canary key echoed by a provider never reaches stdout, stderr, logs or files", () => {
  const faults = [
    {
      what: "an HTTP 403 page echoing the key",
      args: ["prices", "BX", ...W],
      fault: { kind: "body", service: "alphaVantage", status: 403, body: `Forbidden: key ${CANARY} is not allowed` },
    },
    {
      what: "a 500 page echoing the key, retried and logged",
      args: ["prices", "BX", ...W],
      fault: { kind: "body", service: "alphaVantage", status: 500, body: `upstream error for ${CANARY}`, times: 2 },
    },
    {
      what: "an AlphaVantage Error Message with the key",
      args: ["prices", "BX", ...W],
      fault: {
        kind: "body",
        service: "alphaVantage",
        contentType: "application/json",
        body: JSON.stringify({ "Error Message": `the apikey ${CANARY} is invalid` }),
      },
    },
    {
      what: "a FRED error_message with the key",
      args: ["stat", "DGS10", ...W],
      fault: {
        kind: "body",
        service: "fred",
        status: 400,
        contentType: "application/json",
        body: JSON.stringify({
          error_code: 400,
          error_message: `Bad Request. The value ${CANARY} for api_key is not registered.`,
        }),
      },
    },
  ] as const;

  for (const { what, args, fault } of faults) {
    it(what, async () => {
      world.server.inject(fault);
      const run = await world.run([...args, "--save", join(world.dir, "saved.json")]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/^scrilla: (PROVIDER_ERROR|API_KEY|NOT_FOUND): /m);
      expect(run.stderr).toContain("***");
      expect(run.stdout + run.stderr).not.toContain(CANARY);
      for (const path of filesUnder(world.dir)) expect(readFileSync(path, "latin1"), path).not.toContain(CANARY);
      world.server.reset();
    });
  }
});
