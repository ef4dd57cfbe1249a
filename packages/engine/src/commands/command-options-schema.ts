import { ScrillaError } from "@scrilla/core";
import * as z from "zod/mini";
import { BOUNDS } from "../config/bounds.js";
import "../config/zod-messages.js";
import type { CommandOptions } from "../engine-types.js";
import { ALLOCATION_CHOICES, MEAN_CHOICES, RETURNS_CHOICES, RISK_MODEL_CHOICES } from "./portfolio-option-values.js";

const isoDate = z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"),
    z.refine(isRealDate, "must be a real calendar date (YYYY-MM-DD)"),
  );
/** A finite number (zod's numbers are) meeting `checks`. */
const finite = (...checks: z.core.$ZodCheck<number>[]) => z.number().check(...checks);

function isRealDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().startsWith(value);
}

/** Every option of spec §10.2, validated once for the CLI, the Lambda and library callers alike. */
export const commandOptionsSchema = z.partial(
  z.strictObject({
    start: isoDate,
    end: isoDate,
    method: z.enum(["moments", "percentiles", "likelihood"]),
    target: finite(
      z.gte(-BOUNDS.rate.max, `must be an annual return from -${BOUNDS.rate.max} to ${BOUNDS.rate.max}`),
      z.lte(BOUNDS.rate.max, `must be an annual return from -${BOUNDS.rate.max} to ${BOUNDS.rate.max}`),
    ),
    discount: finite(
      z.gt(0, "must be a positive rate such as 0.08"),
      z.lte(BOUNDS.rate.max, `must be at most ${BOUNDS.rate.max} (a decimal rate such as 0.08)`),
    ),
    investment: finite(
      z.gt(0, "must be a positive amount"),
      z.lte(BOUNDS.amount.max, `must be at most ${BOUNDS.amount.max.toExponential()}`),
    ),
    expiry: finite(
      z.gt(0, "must be a positive horizon in years such as 0.5"),
      z.lte(BOUNDS.horizonYears.max, `must be at most ${BOUNDS.horizonYears.max} years`),
    ),
    probability: finite(z.gt(0, "must lie strictly between 0 and 1"), z.lt(1, "must lie strictly between 0 and 1")),
    steps: z
      .int(`must be a whole number from ${BOUNDS.steps.min} to ${BOUNDS.steps.max}`)
      .check(
        z.gte(BOUNDS.steps.min, `must be a whole number ≥ ${BOUNDS.steps.min}`),
        z.lte(BOUNDS.steps.max, `must be at most ${BOUNDS.steps.max}`),
      ),
    criteria: z.enum(["ddm", "sharpe", "volatility", "return"]),
    sharpe: z.boolean(),
    assetType: z.enum(["equity", "crypto"]),
    returns: z.enum(RETURNS_CHOICES),
    mean: z.enum(MEAN_CHOICES),
    riskModel: z.enum(RISK_MODEL_CHOICES),
    allocation: z.enum(ALLOCATION_CHOICES),
    targetVolatility: finite(z.gt(0, "must be a positive annual volatility such as 0.15")),
    short: z.boolean(),
    sectors: z.strictObject({
      groups: z.record(z.string(), z.string()),
      limits: z.record(z.string(), z.strictObject({ min: z.optional(finite()), max: z.optional(finite()) })),
    }),
    maxTurnover: finite(z.gte(0, "must be ≥ 0, e.g. 0.2 for 20 %")),
    currentWeights: z.record(z.string(), finite()),
    costRate: z.union([
      finite(z.gte(0, "must be ≥ 0, e.g. 0.001 for 10 bp")),
      z.record(z.string(), finite(z.gte(0, "must be ≥ 0, e.g. 0.001 for 10 bp"))),
    ]),
    risk: z.enum(["cvar-historical", "cdar", "semivariance"]),
    views: z.strictObject({
      marketCaps: z.record(z.string(), finite(z.gte(0))),
      riskAversion: z.optional(finite(z.gt(0))),
      riskFreeRate: z.optional(finite()),
      tau: z.optional(finite(z.gt(0))),
      views: z.array(
        z.strictObject({
          asset: z.optional(z.string()),
          long: z.optional(z.string()),
          short: z.optional(z.string()),
          return: finite(),
          confidence: z.optional(finite(z.gte(0), z.lte(1))),
        }),
      ),
    }),
  }),
);

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
