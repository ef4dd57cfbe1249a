import { ScrillaError } from "@scrilla/core";
import type { StageOverrides } from "./stage.js";

type ConcurrencyOverrides = Pick<
  StageOverrides,
  "reservedConcurrency" | "functionConcurrency" | "accountConcurrencyLimit"
>;

/**
 * `SCRILLA_RESERVED_CONCURRENCY` (every function), `SCRILLA_FUNCTION_CONCURRENCY` (JSON, per command, e.g.
 * `{"prices":20}`) and `SCRILLA_ACCOUNT_CONCURRENCY` (the account's quota). Bounds are checked once the
 * functions are known (reserved-concurrency.ts); here only the shapes.
 */
export function concurrencyFromEnv(env: NodeJS.ProcessEnv): ConcurrencyOverrides {
  const perFunction = wholeNumber("SCRILLA_RESERVED_CONCURRENCY", env.SCRILLA_RESERVED_CONCURRENCY);
  const accountLimit = wholeNumber("SCRILLA_ACCOUNT_CONCURRENCY", env.SCRILLA_ACCOUNT_CONCURRENCY);
  const perCommand = commandNumbers(env.SCRILLA_FUNCTION_CONCURRENCY);
  return {
    ...(perFunction === undefined ? {} : { reservedConcurrency: perFunction }),
    ...(accountLimit === undefined ? {} : { accountConcurrencyLimit: accountLimit }),
    ...(perCommand === undefined ? {} : { functionConcurrency: perCommand }),
  };
}

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  if (!/^\d{1,6}$/.test(value.trim())) {
    throw new ScrillaError("CONFIG", `${name} "${value}" is not a whole number; set it to e.g. 5 (or unset it).`);
  }
  return Number(value.trim());
}

function commandNumbers(raw: string | undefined): Record<string, number> | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  const help = 'set SCRILLA_FUNCTION_CONCURRENCY to a JSON object of command to whole number, e.g. {"prices":20}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (cause) {
    throw new ScrillaError("CONFIG", `SCRILLA_FUNCTION_CONCURRENCY is not valid JSON; ${help}.`, undefined, { cause });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ScrillaError("CONFIG", `SCRILLA_FUNCTION_CONCURRENCY is not an object; ${help}.`);
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  for (const [command, value] of entries) {
    if (typeof value !== "number" || !Number.isInteger(value)) {
      throw new ScrillaError(
        "CONFIG",
        `SCRILLA_FUNCTION_CONCURRENCY gives ${command} ${JSON.stringify(value)}, not a whole number; ${help}.`,
      );
    }
  }
  return Object.fromEntries(entries) as Record<string, number>;
}
