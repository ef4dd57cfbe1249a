import { ScrillaError } from "@scrilla/core";
import { z } from "zod";
import type { CommandOptions } from "../engine-types.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");
const finite = z.number().finite();

/** Every option of spec §10.2, validated once for the CLI, the Lambda and library callers alike. */
export const commandOptionsSchema = z
  .object({
    start: isoDate,
    end: isoDate,
    method: z.enum(["moments", "percentiles", "likelihood"]),
    target: finite,
    discount: finite.gt(0, "must be a positive rate such as 0.08"),
    investment: finite.gt(0, "must be a positive amount"),
    expiry: finite.gt(0, "must be a positive horizon in years such as 0.5"),
    probability: finite.gt(0, "must lie strictly between 0 and 1").lt(1, "must lie strictly between 0 and 1"),
    steps: z.number().int().min(1, "must be a whole number ≥ 1").max(1000, "must be at most 1000"),
    criteria: z.enum(["ddm", "sharpe", "volatility", "return"]),
    sharpe: z.boolean(),
    assetType: z.enum(["equity", "crypto"]),
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
  throw new ScrillaError("INVALID_INPUT", `Option ${option} ${message}.`, { option });
}
