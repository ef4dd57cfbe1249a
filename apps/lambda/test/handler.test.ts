import { ScrillaError } from "@scrilla/core";
import type { CommandOptions, CreateEngineOptions, Engine } from "@scrilla/engine";
import { describe, expect, it } from "vitest";
import { createHandler, type EngineFactory } from "../src/handler.js";
import { createJsonLogger } from "../src/json-logger.js";
import { loadEvent } from "./load-event.js";

interface Call {
  command: string;
  symbols: readonly string[];
  options: CommandOptions | undefined;
}

/** An engine whose `run` answers from a function; the real engine is exercised by the bundle's e2e test. */
function scriptedEngine(answer: (call: Call) => unknown) {
  const calls: Call[] = [];
  const created: CreateEngineOptions[] = [];
  const factory: EngineFactory = (options) => {
    created.push(options);
    const run = async (command: string, symbols: readonly string[], options?: CommandOptions) => {
      const call = { command, symbols, options };
      calls.push(call);
      return answer(call);
    };
    return { run } as unknown as Engine;
  };
  return { factory, calls, created };
}

function setup(answer: (call: Call) => unknown, env: Record<string, string> = {}) {
  const engine = scriptedEngine(answer);
  const lines: Record<string, unknown>[] = [];
  const logger = createJsonLogger({
    out: (line) => lines.push(JSON.parse(line)),
    err: (line) => lines.push(JSON.parse(line)),
  });
  const handler = createHandler({
    env: { SCRILLA_FUNCTION: "risk-profile", ALPHA_VANTAGE_KEY: "test-key", ...env },
    createEngine: engine.factory,
    logger,
    readParameter: async () => {
      throw new Error("SSM must not be read when ALPHA_VANTAGE_KEY is set");
    },
  });
  return { handler, lines, ...engine };
}

const direct = { tickers: ["ALLY"], options: { start: "2021-07-14", end: "2021-11-19" } };

describe("createHandler", () => {
  it("runs SCRILLA_FUNCTION's command and returns its JSON as is for direct calls", async () => {
    const { handler, calls, created } = setup((call) => ({ [call.symbols[0]!]: { annual_return: 0.1 } }));
    await expect(handler(direct, { awsRequestId: "r1" })).resolves.toEqual({ ALLY: { annual_return: 0.1 } });
    expect(calls).toEqual([{ command: "risk-profile", symbols: ["ALLY"], options: direct.options }]);
    expect(created[0]?.apiKeys).toEqual({ alphaVantage: "test-key" });
    expect(created[0]?.env).toMatchObject({ CACHE_MODE: "dynamodb", DYNAMO_PROVISION: "never" });
  });

  it("wraps HTTP answers in a 200 JSON response", async () => {
    const { handler } = setup(() => ({ ALLY: 1 }));
    const response = await handler(loadEvent("api-gateway-v2-post-json"));
    expect(response).toEqual({
      statusCode: 200,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: '{"ALLY":1}',
    });
  });

  it("builds the engine once per container", async () => {
    const { handler, created, calls } = setup(() => ({}));
    await handler(direct);
    await handler(direct);
    expect(created).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it("answers a bad event with 400 before building the engine", async () => {
    const { handler, created } = setup(() => ({}));
    const event = { ...loadEvent("function-url-get"), queryStringParameters: { tickers: "SPY", start: "yesterday" } };
    const response = (await handler(event)) as { statusCode: number; body: string };
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      error: { code: "INVALID_INPUT", message: expect.stringContaining("Option start must be a date YYYY-MM-DD") },
    });
    await expect(handler({ tickers: [] })).resolves.toEqual({
      error: { code: "INVALID_INPUT", message: 'risk-profile needs at least 1 symbol(s) in "tickers"; got 0.' },
    });
    expect(created).toHaveLength(0);
  });

  it.each([
    ["RATE_LIMITED", 503],
    ["PROVIDER_ERROR", 502],
    ["NO_PRICES", 400],
  ] as const)("maps the engine's %s to HTTP %i", async (code, status) => {
    const { handler, lines } = setup(() => {
      throw new ScrillaError(code, `${code}: what to do`);
    });
    const response = (await handler(loadEvent("api-gateway-v2-post-json"))) as { statusCode: number; body: string };
    expect(response.statusCode).toBe(status);
    expect(JSON.parse(response.body)).toEqual({ error: { code, message: `${code}: what to do` } });
    await expect(handler(direct)).resolves.toEqual({ error: { code, message: `${code}: what to do` } });
    expect(lines.at(-1)).toMatchObject({ code, status, command: "risk-profile" });
  });

  it("never sends a stack trace to the caller, but logs it", async () => {
    const { handler, lines } = setup(() => {
      throw new TypeError("x is undefined");
    });
    const response = (await handler(loadEvent("function-url-get"), { awsRequestId: "req-7" })) as {
      statusCode: number;
      body: string;
    };
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toMatch(/TypeError|x is undefined|at /);
    expect(JSON.parse(response.body).error.code).toBe("INTERNAL");
    const logged = lines.at(-1)!;
    expect(logged).toMatchObject({ level: "error", requestId: "req-7", status: 500 });
    expect(String(logged.stack)).toContain("TypeError: x is undefined");
  });

  it("reports a missing SCRILLA_FUNCTION as a 500 CONFIG error", async () => {
    const { handler } = setup(() => ({}), { SCRILLA_FUNCTION: "" });
    const answer = (await handler(direct)) as { error: { code: string; message: string } };
    expect(answer.error.code).toBe("CONFIG");
    expect(answer.error.message).toMatch(/SCRILLA_FUNCTION is not set; set it to one of: risk-profile/);
  });

  it("reads the key from SSM once per container when ALPHA_VANTAGE_KEY is unset", async () => {
    const reads: string[] = [];
    const engine = scriptedEngine(() => ({}));
    const handler = createHandler({
      env: { SCRILLA_FUNCTION: "rp", ALPHA_VANTAGE_KEY_PARAMETER: "/scrilla/alpha-vantage-key" },
      createEngine: engine.factory,
      logger: createJsonLogger({ out: () => {}, err: () => {} }),
      readParameter: async (name) => {
        reads.push(name);
        return "from-ssm";
      },
    });
    await handler(direct);
    await handler(direct);
    expect(reads).toEqual(["/scrilla/alpha-vantage-key"]);
    expect(engine.created.map((o) => o.apiKeys)).toEqual([{ alphaVantage: "from-ssm" }]);
  });

  it("retries a failed SSM read on the next call instead of caching the failure", async () => {
    let attempts = 0;
    const engine = scriptedEngine(() => ({ ok: true }));
    const handler = createHandler({
      env: { SCRILLA_FUNCTION: "rp", ALPHA_VANTAGE_KEY_PARAMETER: "/scrilla/key" },
      createEngine: engine.factory,
      logger: createJsonLogger({ out: () => {}, err: () => {} }),
      readParameter: async () => {
        attempts += 1;
        if (attempts === 1) throw Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" });
        return "k";
      },
    });
    const first = (await handler(direct)) as { error: { code: string; message: string } };
    expect(first.error.code).toBe("CONFIG");
    expect(first.error.message).toContain('SSM parameter "/scrilla/key" (ThrottlingException: Rate exceeded)');
    await expect(handler(direct)).resolves.toEqual({ ok: true });
  });
});
