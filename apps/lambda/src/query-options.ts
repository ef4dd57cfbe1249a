import { z } from "zod";

const isoDate = z.iso.date({ error: "must be a date YYYY-MM-DD" });
const finite = z.number({ error: "must be a number" });

/**
 * The options of the CLI (spec §10.2) under the engine's names (`CommandOptions`). Strict: an unknown
 * option is an error rather than silently ignored, so a typo never yields an answer for other settings.
 */
export const commandOptionsSchema = z.strictObject({
  start: isoDate.optional(),
  end: isoDate.optional(),
  method: z.enum(["moments", "percentiles", "likelihood"]).optional(),
  target: finite.optional(),
  discount: finite.optional(),
  investment: finite.refine((v) => v > 0, "must be greater than 0").optional(),
  expiry: finite.refine((v) => v > 0, "must be greater than 0 (years)").optional(),
  probability: finite.refine((v) => v > 0 && v < 1, "must be between 0 and 1, e.g. 0.05").optional(),
  steps: z.int({ error: "must be a whole number" }).min(1, "must be at least 1").optional(),
  criteria: z.enum(["ddm", "sharpe", "volatility", "return"]).optional(),
  sharpe: z.boolean({ error: "must be true or false" }).optional(),
  assetType: z.enum(["equity", "crypto"]).optional(),
});

export type ParsedCommandOptions = z.infer<typeof commandOptionsSchema>;

export const OPTION_NAMES = Object.keys(commandOptionsSchema.shape) as (keyof ParsedCommandOptions)[];

const NUMERIC_OPTIONS = new Set<string>(["target", "discount", "investment", "expiry", "probability", "steps"]);
const BOOLEAN_OPTIONS = new Set<string>(["sharpe"]);

/**
 * Query-string values are text; turn the numeric and boolean ones into JSON types so one schema
 * validates both forms. Text that is not a number is kept, and the schema then names the option.
 */
export function optionsFromQuery(query: Record<string, string>): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(query)) {
    if (NUMERIC_OPTIONS.has(name)) options[name] = parseNumber(text);
    else if (BOOLEAN_OPTIONS.has(name)) options[name] = parseBoolean(text);
    else options[name] = text;
  }
  return options;
}

function parseNumber(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "") return text;
  const value = Number(trimmed);
  return Number.isNaN(value) ? text : value;
}

function parseBoolean(text: string): unknown {
  const lower = text.trim().toLowerCase();
  // A bare `?sharpe` (empty value) reads as the CLI flag being present.
  if (lower === "" || lower === "true" || lower === "1") return true;
  if (lower === "false" || lower === "0") return false;
  return text;
}
