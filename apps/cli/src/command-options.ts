import type { CommandOptions, CommandSpec, EstimationMethod, OptionName, ScreenCriteria } from "@scrilla/engine";
import { parseIsoDate } from "./iso-date.js";
import {
  ALLOCATION_CHOICES,
  MEAN_CHOICES,
  RETURNS_CHOICES,
  RISK_MODEL_CHOICES,
  ScrillaError,
} from "./light-imports.js";
import { readJsonOption } from "./option-files.js";
import type { RawOptions } from "./parse-invocation.js";

/** How the result is shown, independent of the command. */
export interface OutputOptions {
  json: boolean;
  quiet: boolean;
  save: string | undefined;
}

export interface ResolvedOptions {
  command: CommandOptions;
  output: OutputOptions;
  /** Engine options given on the line that this command does not read. */
  ignored: string[];
}

const METHODS: readonly EstimationMethod[] = ["moments", "percentiles", "likelihood"];
const CRITERIA: readonly ScreenCriteria[] = ["ddm", "sharpe", "volatility", "return"];

/** The CLI spelling of each engine option, for messages. */
export const FLAG_OF: Record<OptionName, string> = {
  start: "--start",
  end: "--end",
  method: "--moments/--percentiles/--likelihood",
  target: "--target",
  discount: "--discount",
  investment: "--invest",
  expiry: "--expiry",
  probability: "--prob",
  steps: "--steps",
  criteria: "--criteria",
  sharpe: "--sharpe",
  assetType: "--asset-type",
  returns: "--returns",
  mean: "--mean",
  riskModel: "--risk-model",
  allocation: "--allocation",
  targetVolatility: "--target-volatility",
  short: "--short",
  sectors: "--sectors",
  maxTurnover: "--max-turnover",
  currentWeights: "--current",
  costRate: "--cost-rate",
  risk: "--risk",
  views: "--views",
};

const SECTORS_EXAMPLE = '{"groups": {"SPY": "equity", "GLD": "gold"}, "limits": {"equity": {"max": 0.6}}}';
const CURRENT_EXAMPLE = '{"SPY": 0.5, "GLD": 0.5}';
const COST_RATES_EXAMPLE = '{"SPY": 0.0005, "GLD": 0.002}';
const VIEWS_EXAMPLE =
  '{"marketCaps": {"SPY": 500, "GLD": 80}, "views": [{"asset": "GLD", "return": 0.06, "confidence": 0.5}]}';

/** Validates and converts typed options into the engine's CommandOptions (bad input → INVALID_INPUT). */
export function resolveOptions(raw: RawOptions, spec: CommandSpec): ResolvedOptions {
  const command: CommandOptions = {};
  if (typeof raw.start === "string") command.start = parseIsoDate(raw.start, "--start");
  if (typeof raw.end === "string") command.end = parseIsoDate(raw.end, "--end");
  if (command.start && command.end && command.start > command.end) {
    throw new ScrillaError(
      "INVALID_INPUT",
      `--start ${command.start} is after --end ${command.end}; give a start on or before the end.`,
    );
  }
  const method = resolveMethod(raw);
  if (method) command.method = method;
  const target = numberOption(raw.target, "target");
  if (target !== undefined) command.target = target;
  const discount = numberOption(raw.discount, "discount");
  if (discount !== undefined) command.discount = discount;
  const investment = numberOption(raw.invest, "invest");
  if (investment !== undefined) {
    if (!(investment > 0)) throw invalid("--invest must be a positive amount, e.g. --invest 10000.");
    command.investment = investment;
  }
  const expiry = numberOption(raw.expiry, "expiry");
  if (expiry !== undefined) {
    if (!(expiry > 0)) throw invalid("--expiry must be a positive number of years, e.g. --expiry 0.5.");
    command.expiry = expiry;
  }
  const probability = numberOption(raw.prob, "prob");
  if (probability !== undefined) {
    if (!(probability > 0 && probability < 1)) {
      throw invalid(`--prob ${probability} is not a probability; give a number strictly between 0 and 1, e.g. 0.05.`);
    }
    command.probability = probability;
  }
  const steps = numberOption(raw.steps, "steps");
  if (steps !== undefined) {
    if (!Number.isInteger(steps) || steps < 2) throw invalid("--steps must be a whole number of at least 2.");
    command.steps = steps;
  }
  if (typeof raw.criteria === "string") {
    const criteria = raw.criteria.toLowerCase() as ScreenCriteria;
    if (!CRITERIA.includes(criteria)) throw invalid(`--criteria must be one of ${CRITERIA.join(", ")}.`);
    command.criteria = criteria;
  }
  if (raw.sharpe === true) command.sharpe = true;
  if (typeof raw.assetType === "string") {
    const assetType = raw.assetType.toLowerCase();
    if (assetType !== "equity" && assetType !== "crypto") throw invalid("--asset-type must be equity or crypto.");
    command.assetType = assetType;
  }
  const returns = choiceOption(raw.returns, "--returns", RETURNS_CHOICES);
  if (returns) command.returns = returns;
  const mean = choiceOption(raw.mean, "--mean", MEAN_CHOICES);
  if (mean) command.mean = mean;
  const riskModel = choiceOption(raw.riskModel, "--risk-model", RISK_MODEL_CHOICES);
  if (riskModel) command.riskModel = riskModel;
  const allocation = choiceOption(raw.allocation, "--allocation", ALLOCATION_CHOICES);
  if (allocation) command.allocation = allocation;

  resolvePortfolioOptions(raw, command);

  const given = Object.keys(command) as OptionName[];
  const ignored = given.filter((name) => !spec.options.includes(name)).map((name) => FLAG_OF[name]);
  for (const name of given) if (!spec.options.includes(name)) delete command[name];
  const missing = (spec.required ?? []).filter((name) => command[name] === undefined);
  if (missing.length > 0) {
    throw invalid(
      `${spec.name} needs ${missing.map((name) => FLAG_OF[name]).join(" and ")}; see scrilla help ${spec.name}.`,
    );
  }
  return {
    command,
    output: {
      json: raw.json === true,
      quiet: raw.quiet === true,
      save: typeof raw.save === "string" ? raw.save : undefined,
    },
    ignored,
  };
}

/** Options of the constrained, scenario-risk and Black–Litterman optimisers (issue 11). */
function resolvePortfolioOptions(raw: RawOptions, command: CommandOptions): void {
  const targetVolatility = numberOption(raw.targetVolatility, "target-volatility");
  if (targetVolatility !== undefined) {
    if (!(targetVolatility > 0)) throw invalid("--target-volatility must be a positive annual volatility, e.g. 0.15.");
    command.targetVolatility = targetVolatility;
  }
  if (raw.short === true) command.short = true;
  const maxTurnover = numberOption(raw.maxTurnover, "max-turnover");
  if (maxTurnover !== undefined) {
    if (!(maxTurnover >= 0)) throw invalid("--max-turnover must be ≥ 0, e.g. 0.2 for 20 %.");
    command.maxTurnover = maxTurnover;
  }
  if (typeof raw.costRate === "string") command.costRate = costRateOption(raw.costRate);
  if (typeof raw.risk === "string") {
    const risk = raw.risk.toLowerCase();
    if (risk !== "cvar-historical" && risk !== "cdar" && risk !== "semivariance") {
      throw invalid("--risk must be cvar-historical, cdar or semivariance.");
    }
    command.risk = risk;
  }
  if (typeof raw.sectors === "string") {
    command.sectors = readJsonOption(raw.sectors, "--sectors", SECTORS_EXAMPLE) as CommandOptions["sectors"];
  }
  if (typeof raw.current === "string") {
    command.currentWeights = readJsonOption(raw.current, "--current", CURRENT_EXAMPLE) as Record<string, number>;
  }
  if (typeof raw.views === "string") {
    command.views = readJsonOption(raw.views, "--views", VIEWS_EXAMPLE) as CommandOptions["views"];
  }
}

/** --cost-rate 0.001 (one rate) or --cost-rate FILE (JSON rates by ticker). */
function costRateOption(value: string): number | Record<string, number> {
  const rate = Number(value);
  if (value.trim() !== "" && Number.isFinite(rate)) {
    if (!(rate >= 0)) throw invalid("--cost-rate must be ≥ 0, e.g. 0.001 for 10 bp.");
    return rate;
  }
  return readJsonOption(value, "--cost-rate", COST_RATES_EXAMPLE) as Record<string, number>;
}

function resolveMethod(raw: RawOptions): EstimationMethod | undefined {
  const chosen = METHODS.filter((method) => raw[method] === true);
  if (typeof raw.method === "string") {
    const method = raw.method.toLowerCase() as EstimationMethod;
    if (!METHODS.includes(method)) throw invalid(`--method must be one of ${METHODS.join(", ")}.`);
    chosen.push(method);
  }
  const distinct = [...new Set(chosen)];
  if (distinct.length > 1) throw invalid(`choose one estimation method, not ${distinct.join(" and ")}.`);
  return distinct[0];
}

function choiceOption<T extends string>(value: string | boolean | undefined, flag: string, choices: readonly T[]) {
  if (typeof value !== "string") return undefined;
  const choice = value.toLowerCase() as T;
  if (!choices.includes(choice)) throw invalid(`${flag} must be one of ${choices.join(", ")}; got "${value}".`);
  return choice;
}

function numberOption(value: string | boolean | undefined, name: string): number | undefined {
  if (typeof value !== "string") return undefined;
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number)) throw invalid(`--${name} "${value}" is not a number.`);
  return number;
}

const invalid = (message: string) => new ScrillaError("INVALID_INPUT", message);
