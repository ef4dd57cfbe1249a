import { ScrillaError } from "@scrilla/core";
import { z } from "zod";
import { BOUNDS } from "../config/bounds.js";
import type { CommandOptions } from "../engine-types.js";
import { ALLOCATION_CHOICES, MEAN_CHOICES, RETURNS_CHOICES, RISK_MODEL_CHOICES } from "./portfolio-option-values.js";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine(isRealDate, "must be a real calendar date (YYYY-MM-DD)");
const finite = z.number().finite();

function isRealDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().startsWith(value);
}

/** Every option of spec §10.2, validated once for the CLI, the Lambda and library callers alike. */
export const commandOptionsSchema = z
  .object({
    start: isoDate,
    end: isoDate,
    method: z.enum(["moments", "percentiles", "likelihood"]),
    target: finite
      .min(-BOUNDS.rate.max, `must be an annual return from -${BOUNDS.rate.max} to ${BOUNDS.rate.max}`)
      .max(BOUNDS.rate.max, `must be an annual return from -${BOUNDS.rate.max} to ${BOUNDS.rate.max}`),
    discount: finite
      .gt(0, "must be a positive rate such as 0.08")
      .max(BOUNDS.rate.max, `must be at most ${BOUNDS.rate.max} (a decimal rate such as 0.08)`),
    investment: finite
      .gt(0, "must be a positive amount")
      .max(BOUNDS.amount.max, `must be at most ${BOUNDS.amount.max.toExponential()}`),
    expiry: finite
      .gt(0, "must be a positive horizon in years such as 0.5")
      .max(BOUNDS.horizonYears.max, `must be at most ${BOUNDS.horizonYears.max} years`),
    probability: finite.gt(0, "must lie strictly between 0 and 1").lt(1, "must lie strictly between 0 and 1"),
    steps: z
      .number()
      .int(`must be a whole number from ${BOUNDS.steps.min} to ${BOUNDS.steps.max}`)
      .min(BOUNDS.steps.min, `must be a whole number ≥ ${BOUNDS.steps.min}`)
      .max(BOUNDS.steps.max, `must be at most ${BOUNDS.steps.max}`),
    criteria: z.enum(["ddm", "sharpe", "volatility", "return"]),
    sharpe: z.boolean(),
    assetType: z.enum(["equity", "crypto"]),
    returns: z.enum(RETURNS_CHOICES),
    mean: z.enum(MEAN_CHOICES),
    riskModel: z.enum(RISK_MODEL_CHOICES),
    allocation: z.enum(ALLOCATION_CHOICES),
    targetVolatility: finite.gt(0, "must be a positive annual volatility such as 0.15"),
    short: z.boolean(),
    sectors: z
      .object({
        groups: z.record(z.string(), z.string()),
        limits: z.record(z.string(), z.object({ min: finite.optional(), max: finite.optional() }).strict()),
      })
      .strict(),
    maxTurnover: finite.min(0, "must be ≥ 0, e.g. 0.2 for 20 %"),
    currentWeights: z.record(z.string(), finite),
    costRate: z.union([
      finite.min(0, "must be ≥ 0, e.g. 0.001 for 10 bp"),
      z.record(z.string(), finite.min(0, "must be ≥ 0, e.g. 0.001 for 10 bp")),
    ]),
    risk: z.enum(["cvar-historical", "cdar", "semivariance"]),
    views: z
      .object({
        marketCaps: z.record(z.string(), finite.min(0)),
        riskAversion: finite.gt(0).optional(),
        riskFreeRate: finite.optional(),
        tau: finite.gt(0).optional(),
        views: z.array(
          z
            .object({
              asset: z.string().optional(),
              long: z.string().optional(),
              short: z.string().optional(),
              return: finite,
              confidence: finite.min(0).max(1).optional(),
            })
            .strict(),
        ),
      })
      .strict(),
  })
  .partial()
  .strict();

export function parseCommandOptions(options: unknown): CommandOptions {
  const parsed = commandOptionsSchema.safeParse(options ?? {});
  if (parsed.success) {
    const value = parsed.data;
    if (value.start && value.end && value.start > value.end) {
      throw new ScrillaError("INVALID_INPUT", `--start ${value.start} is after --end ${value.end}; swap them.`, {
        option: "start",
      });
    }
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as CommandOptions;
  }
  const issue = parsed.error.issues[0]!;
  const option = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : String(issue.path[0] ?? "options");
  const message = issue.code === "unrecognized_keys" ? "is not an option of scrilla" : issue.message;
  const given = issue.code === "unrecognized_keys" ? undefined : (options as Record<string, unknown> | null)?.[option];
  const got = given === undefined ? "" : ` (got ${JSON.stringify(given) ?? String(given)})`;
  throw new ScrillaError("INVALID_INPUT", `Option ${option} ${message}${got}.`, { option });
}
