import { COMMAND_SPECS, findCommand } from "@scrilla/engine/commands";
import { describe, expect, it } from "vitest";
import { NOT_DEPLOYED, SCRILLA_FUNCTIONS } from "../src/function-catalog.js";

const computing = COMMAND_SPECS.filter((spec) => spec.kind === "compute").map((spec) => spec.name);
/** The engine's primary name of each deployed function's command (`ddm` is an alias). */
const deployed = SCRILLA_FUNCTIONS.map((spec) => findCommand(spec.command)?.name);

describe("function catalog against the engine's commands", () => {
  it("deploys only computing commands, each once, under a name the Lambda handler resolves", () => {
    for (const spec of SCRILLA_FUNCTIONS) expect(findCommand(spec.command)?.kind, spec.command).toBe("compute");
    expect(new Set(deployed).size).toBe(SCRILLA_FUNCTIONS.length);
  });

  it("covers every computing command: deployed, or listed as not deployed with a reason", () => {
    const undecided = computing.filter((name) => !deployed.includes(name) && NOT_DEPLOYED[name] === undefined);
    expect(undecided).toEqual([]);
    for (const [name, reason] of Object.entries(NOT_DEPLOYED)) {
      expect(findCommand(name)?.kind, name).toBe("compute");
      expect(deployed, `${name} is both deployed and listed as not deployed`).not.toContain(name);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it("deploys the portfolio builders hrp and black-litterman with the optimisers' sizes", () => {
    const hrp = SCRILLA_FUNCTIONS.find((spec) => spec.command === "hrp");
    const bl = SCRILLA_FUNCTIONS.find((spec) => spec.command === "black-litterman");
    expect(hrp).toMatchObject({ memoryMb: 512, timeoutSeconds: 120 });
    // The posterior feeds a constrained optimisation, sized like optimize-portfolio.
    const optimiser = SCRILLA_FUNCTIONS.find((spec) => spec.command === "optimize-portfolio");
    expect(bl).toMatchObject({ memoryMb: optimiser?.memoryMb, timeoutSeconds: optimiser?.timeoutSeconds });
  });
});
