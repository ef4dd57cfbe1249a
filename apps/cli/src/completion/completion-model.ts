import { MATURITIES } from "@scrilla/core";
import type { CommandSpec, OptionName } from "@scrilla/engine";
import { CLI_OPTIONS, type CliOptionSpec } from "../cli-options.js";
import {
  ALLOCATION_CHOICES,
  API_KEY_NAMES,
  COMMAND_SPECS,
  MEAN_CHOICES,
  RETURNS_CHOICES,
  RISK_MODEL_CHOICES,
} from "../light-imports.js";

/** What every shell's completion needs, derived from the command table and the option table only. */
export interface CompletionModel {
  commands: { names: string[]; summary: string; options: CliOptionSpec[]; symbols: string[] }[];
  options: CliOptionSpec[];
  /** Fixed choices of an option's value, by long name; "files" for a path. */
  values: Record<string, readonly string[] | "files">;
}

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

/** The CLI options spelling each engine option (`method` also has its one-word flags). */
const CLI_NAMES: Record<OptionName, string[]> = {
  start: ["start"],
  end: ["end"],
  method: ["method", "moments", "percentiles", "likelihood"],
  target: ["target"],
  discount: ["discount"],
  investment: ["invest"],
  expiry: ["expiry"],
  probability: ["prob"],
  steps: ["steps"],
  criteria: ["criteria"],
  sharpe: ["sharpe"],
  assetType: ["asset-type"],
  returns: ["returns"],
  mean: ["mean"],
  riskModel: ["risk-model"],
  allocation: ["allocation"],
  targetVolatility: ["target-volatility"],
  short: ["short"],
  sectors: ["sectors"],
  maxTurnover: ["max-turnover"],
  currentWeights: ["current"],
  costRate: ["cost-rate"],
  risk: ["risk"],
  views: ["views"],
};

const OUTPUT_NAMES: Record<CommandSpec["kind"], string[]> = {
  compute: ["json", "quiet", "save"],
  plot: ["save", "open"],
  admin: ["json", "quiet"],
};

function optionsOf(spec: CommandSpec): CliOptionSpec[] {
  const names = new Set([...spec.options.flatMap((name) => CLI_NAMES[name]), ...OUTPUT_NAMES[spec.kind], "help"]);
  if (spec.name === "store") for (const name of ["key", "value"]) names.add(name);
  if (spec.name === "serve") for (const name of ["host", "port"]) names.add(name);
  return CLI_OPTIONS.filter((option) => names.has(option.long));
}

function symbolsOf(spec: CommandSpec): string[] {
  switch (spec.symbols) {
    case "maturities":
      return [...MATURITIES];
    case "commands":
      return COMMAND_SPECS.map((command) => command.name);
    case "shells":
      return [...SHELLS];
    default:
      return [];
  }
}

export function completionModel(): CompletionModel {
  return {
    commands: COMMAND_SPECS.map((spec) => ({
      names: [spec.name, ...spec.aliases],
      summary: spec.summary,
      options: optionsOf(spec),
      symbols: symbolsOf(spec),
    })),
    options: [...CLI_OPTIONS],
    values: {
      method: ["moments", "percentiles", "likelihood"],
      criteria: ["ddm", "sharpe", "volatility", "return"],
      "asset-type": ["equity", "crypto"],
      returns: RETURNS_CHOICES,
      mean: MEAN_CHOICES,
      "risk-model": RISK_MODEL_CHOICES,
      allocation: ALLOCATION_CHOICES,
      risk: ["cvar-historical", "cdar", "semivariance"],
      sectors: "files",
      current: "files",
      views: "files",
      key: API_KEY_NAMES,
      save: "files",
    },
  };
}

/** Every spelling of an option a user types first: `--long` and `-s`. */
export const spellings = (option: CliOptionSpec): string[] =>
  option.short ? [`--${option.long}`, `-${option.short}`] : [`--${option.long}`];
