import { describe, expect, it } from "vitest";
import { deployConfigFromEnv } from "../src/deploy-config.js";
import { SCRILLA_FUNCTIONS } from "../src/function-catalog.js";
import { reservedConcurrencyByCommand } from "../src/reserved-concurrency.js";
import { stageSettings } from "../src/stage.js";
import { resources, synthDeployment } from "./support/synth.js";

const COMMANDS = SCRILLA_FUNCTIONS.map((spec) => spec.command);
const configError = (pattern: RegExp) =>
  expect.objectContaining({ code: "CONFIG", message: expect.stringMatching(pattern) });

/** `reserved_concurrent_executions` of each synthesized function, by command. */
function synthesizedConcurrency(stage: "dev" | "prod", overrides: Parameters<typeof stageSettings>[1] = {}) {
  const { parsed } = synthDeployment(stage, { settings: stageSettings(stage, overrides) });
  return Object.fromEntries(
    Object.values(resources(parsed, "aws_lambda_function")).map((fn) => [
      ((fn.environment as { variables: Record<string, string> }).variables.SCRILLA_FUNCTION ?? "") as string,
      fn.reserved_concurrent_executions,
    ]),
  );
}

describe("reserved concurrency per function", () => {
  it("reserves the stage's value on every function: small in dev, larger in prod with its overrides", () => {
    expect(synthesizedConcurrency("dev")).toEqual(Object.fromEntries(COMMANDS.map((c) => [c, 2])));
    const prod = synthesizedConcurrency("prod");
    expect(prod.prices).toBe(25);
    expect(prod["yield-curve"]).toBe(25);
    for (const command of COMMANDS.filter((c) => c !== "prices" && c !== "yield-curve")) expect(prod[command]).toBe(10);
  });

  it("takes a per-stage value and per-function overrides from the environment", () => {
    const config = deployConfigFromEnv({
      SCRILLA_STAGE: "prod",
      SCRILLA_RESERVED_CONCURRENCY: "4",
      SCRILLA_FUNCTION_CONCURRENCY: '{"optimize-cvar":1,"prices":30}',
    });
    expect(config.settings.reservedConcurrency).toEqual({
      perFunction: 4,
      overrides: { prices: 30, "yield-curve": 25, "optimize-cvar": 1 },
      accountLimit: 1000,
    });
    const byCommand = reservedConcurrencyByCommand(COMMANDS, config.settings.reservedConcurrency);
    expect(byCommand.get("optimize-cvar")).toBe(1);
    expect(byCommand.get("prices")).toBe(30);
    expect(byCommand.get("var")).toBe(4);
    const { parsed } = synthDeployment("prod", { settings: config.settings });
    const cvar = Object.values(resources(parsed, "aws_lambda_function")).find(
      (fn) => fn.function_name === "scrilla-prod-optimize-cvar",
    );
    expect(cvar?.reserved_concurrent_executions).toBe(1);
  });

  it("refuses values out of bounds, overrides for commands without a function, and totals over the account's reservable share", () => {
    const settings = (overrides: Parameters<typeof stageSettings>[1]) =>
      stageSettings("dev", overrides).reservedConcurrency;
    expect(() => reservedConcurrencyByCommand(COMMANDS, settings({ reservedConcurrency: 0 }))).toThrow(
      configError(/from 1 to 900/),
    );
    expect(() => reservedConcurrencyByCommand(COMMANDS, settings({ functionConcurrency: { prices: 901 } }))).toThrow(
      configError(/prices is out of bounds/),
    );
    expect(() => reservedConcurrencyByCommand(COMMANDS, settings({ functionConcurrency: { price: 3 } }))).toThrow(
      configError(/names price, which has no function/),
    );
    // 17 functions × 60 = 1,020 > 900 reservable of the default 1,000; a raised quota lets it through.
    expect(() => reservedConcurrencyByCommand(COMMANDS, settings({ reservedConcurrency: 60 }))).toThrow(
      configError(/reserve 1020 concurrent executions together/),
    );
    expect(
      reservedConcurrencyByCommand(COMMANDS, settings({ reservedConcurrency: 60, accountConcurrencyLimit: 2000 })).get(
        "var",
      ),
    ).toBe(60);
    expect(() => reservedConcurrencyByCommand(COMMANDS, settings({ accountConcurrencyLimit: 100 }))).toThrow(
      configError(/above 100/),
    );
    expect(() => synthDeployment("dev", { settings: stageSettings("dev", { reservedConcurrency: 1.5 }) })).toThrow(
      configError(/whole number from 1/),
    );
  });

  it("parses the environment strictly", () => {
    const bad: Record<string, string>[] = [
      { SCRILLA_RESERVED_CONCURRENCY: "-1" },
      { SCRILLA_RESERVED_CONCURRENCY: "2.5" },
      { SCRILLA_RESERVED_CONCURRENCY: "1e3" },
      { SCRILLA_ACCOUNT_CONCURRENCY: "lots" },
      { SCRILLA_FUNCTION_CONCURRENCY: "prices=3" },
      { SCRILLA_FUNCTION_CONCURRENCY: "[3]" },
      { SCRILLA_FUNCTION_CONCURRENCY: '{"prices":"3"}' },
      { SCRILLA_FUNCTION_CONCURRENCY: '{"prices":2.5}' },
    ];
    for (const env of bad) expect(() => deployConfigFromEnv(env), JSON.stringify(env)).toThrow(configError(/SCRILLA_/));
    expect(deployConfigFromEnv({ SCRILLA_RESERVED_CONCURRENCY: " " }).settings.reservedConcurrency.perFunction).toBe(2);
  });

  it("rejects a prototype-named override from the environment as a command without a function", () => {
    const config = deployConfigFromEnv({ SCRILLA_FUNCTION_CONCURRENCY: '{"__proto__":3}' });
    expect(() => reservedConcurrencyByCommand(COMMANDS, config.settings.reservedConcurrency)).toThrow(
      configError(/names __proto__, which has no function/),
    );
  });
});
