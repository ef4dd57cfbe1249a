/**
 * The typed `Engine.run`: checked by the compiler (`pnpm typecheck` covers test/), plus a run-time check that
 * the table and the bound functions list the same computing commands.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { COMPUTE_FUNCTIONS } from "../src/commands/run-command.js";
import {
  type AllocationResult,
  COMMAND_SPECS,
  type CommandMap,
  type CommandOptionsOf,
  type CommandResult,
  type ComputeCommand,
  type Engine,
  type RiskProfile,
  type YieldCurveResult,
} from "../src/index.js";

/** Declared, never defined: the calls on it below are for the compiler only and never run. */
declare const engine: Engine;

describe("Engine.run is typed per command from the one command table", () => {
  it("binds a function to exactly the table's computing commands", () => {
    const computing = COMMAND_SPECS.filter((spec) => spec.kind === "compute").map((spec) => spec.name);
    expect(Object.keys(COMPUTE_FUNCTIONS).sort()).toEqual([...computing].sort());
  });

  it("returns each command's own result type, for primary names and aliases", () => {
    expectTypeOf<CommandResult<"risk-profile">>().toEqualTypeOf<Record<string, RiskProfile>>();
    expectTypeOf<CommandResult<"rp">>().toEqualTypeOf<CommandResult<"risk-profile">>();
    expectTypeOf<CommandResult<"optimize-portfolio">>().toEqualTypeOf<AllocationResult>();
    expectTypeOf<CommandResult<"opt">>().toEqualTypeOf<AllocationResult>();
    expectTypeOf<CommandResult<"efficient-frontier">>().toEqualTypeOf<AllocationResult[]>();
    expectTypeOf<CommandMap["risk-profile"]["result"]>().toEqualTypeOf<Record<string, RiskProfile>>();
    // Never called: `engine` exists only for the compiler.
    const typeOnly = () => {
      expectTypeOf(engine.run("risk-profile", ["SPY"])).resolves.toEqualTypeOf<Record<string, RiskProfile>>();
      expectTypeOf(engine.run("optimize-portfolio", ["SPY", "GLD"])).resolves.toEqualTypeOf<AllocationResult>();
      // A name known only at run time (the CLI's argv) cannot be typed: unknown, as before.
      expectTypeOf(engine.run("risk-profile" as string, ["SPY"])).resolves.toBeUnknown();
    };
    expect(typeof typeOnly).toBe("function");
    expectTypeOf<YieldCurveResult>().not.toBeAny();
  });

  it("accepts only the options a command reads, and requires its required ones", async () => {
    expectTypeOf<keyof CommandOptionsOf<"var">>().toEqualTypeOf<
      "start" | "end" | "assetType" | "method" | "probability" | "expiry"
    >();
    expectTypeOf<CommandOptionsOf<"var">["probability"]>().toEqualTypeOf<number>();
    expectTypeOf<CommandOptionsOf<"risk-profile">["start"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<"plot-risk-profile">().not.toMatchTypeOf<ComputeCommand>();
    expectTypeOf<"clear-cache">().not.toMatchTypeOf<ComputeCommand>();
    const typeOnly = async () => {
      // @ts-expect-error var cannot run without --probability and --expiry
      await engine.run("var", ["SPY"]);
      // @ts-expect-error risk-profile does not read a target return
      await engine.run("risk-profile", ["SPY"], { target: 0.1 });
      const allocation = await engine.run("optimize-portfolio", ["SPY", "GLD"], { sharpe: true });
      // @ts-expect-error an allocation has portfolio_return, not expected_return
      void allocation.expected_return;
      return allocation.portfolio_return;
    };
    expect(typeof typeOnly).toBe("function");
  });
});
