import { ScrillaError } from "@scrilla/core";
import type { EngineContext } from "../engine-context.js";
import type { CommandOptions } from "../engine-types.js";
import { blackLittermanCommand, hrpCommand } from "./advanced-portfolio-commands.js";
import { parseCommandOptions } from "./command-options-schema.js";
import { type COMMAND_TABLE, findCommand } from "./command-specs.js";
import {
  assetCommand,
  closeCommand,
  dividendsCommand,
  interestCommand,
  pricesCommand,
  riskFreeCommand,
  statCommand,
  statsCommand,
  yieldCurveCommand,
} from "./market-commands.js";
import {
  efficientFrontierCommand,
  maxReturnCommand,
  optimizeCvarCommand,
  optimizePortfolioCommand,
} from "./portfolio-commands.js";
import { assertDistinctSymbols, assertFiniteResult } from "./result-guards.js";
import {
  capmBetaCommand,
  capmEquityCommand,
  conditionalValueAtRiskCommand,
  correlationCommand,
  correlationsCommand,
  movingAveragesCommand,
  riskProfileCommand,
  sharpeRatioCommand,
  valueAtRiskCommand,
} from "./statistics-commands.js";
import { ddmCommand, screenCommand } from "./valuation-commands.js";

type CommandFunction = (ctx: EngineContext, symbols: readonly string[], options: CommandOptions) => Promise<unknown>;

type ComputeName = Extract<(typeof COMMAND_TABLE)[number], { kind: "compute" }>["name"];

/** The function of every computing command of the table (the compiler checks none is missing or extra). */
export const COMPUTE_FUNCTIONS = {
  "risk-profile": riskProfileCommand,
  correlation: correlationCommand,
  correlations: correlationsCommand,
  "sharpe-ratio": sharpeRatioCommand,
  "capm-beta": capmBetaCommand,
  "capm-equity": capmEquityCommand,
  var: valueAtRiskCommand,
  cvar: conditionalValueAtRiskCommand,
  "mov-averages": movingAveragesCommand,
  "optimize-portfolio": optimizePortfolioCommand,
  "max-return": maxReturnCommand,
  "optimize-cvar": optimizeCvarCommand,
  "efficient-frontier": efficientFrontierCommand,
  hrp: hrpCommand,
  "black-litterman": blackLittermanCommand,
  "discount-dividend-model": ddmCommand,
  screen: screenCommand,
  dividends: dividendsCommand,
  prices: pricesCommand,
  close: closeCommand,
  interest: interestCommand,
  "yield-curve": yieldCurveCommand,
  "risk-free": riskFreeCommand,
  asset: assetCommand,
  stat: statCommand,
  stats: statsCommand,
} satisfies Record<ComputeName, CommandFunction>;

const COMPUTE: Readonly<Record<string, CommandFunction>> = COMPUTE_FUNCTIONS;

/** Validates the command, its symbols and options, then computes its JSON result. */
export async function runCommand(ctx: EngineContext, command: string, symbols: readonly string[], rawOptions: unknown) {
  const spec = findCommand(command);
  const run = spec && COMPUTE[spec.name];
  if (!spec || !run) {
    const hint = spec ? `${spec.name} is not a computing command (the CLI runs it)` : `unknown command "${command}"`;
    throw new ScrillaError("INVALID_INPUT", `${hint}; see \`scrilla help\` for the list.`, { command });
  }
  const options = parseCommandOptions(rawOptions);
  const { min, max } = spec.arity;
  if (symbols.length < min || (max !== undefined && symbols.length > max)) {
    const wanted = max === undefined ? `at least ${min}` : min === max ? `exactly ${min}` : `${min} to ${max}`;
    throw new ScrillaError("INVALID_INPUT", `${spec.name} takes ${wanted} symbol(s), got ${symbols.length}.`, {
      command: spec.name,
    });
  }
  for (const required of spec.required ?? []) {
    if (options[required] === undefined) {
      throw new ScrillaError("INVALID_INPUT", `${spec.name} needs --${required}.`, { option: required });
    }
  }
  assertDistinctSymbols(spec, symbols);
  const result = await run(ctx, symbols, options);
  assertFiniteResult(spec.name, result);
  return result;
}
