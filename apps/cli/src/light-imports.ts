/**
 * `--help`, `help` and argument errors need only the error class and the command table. The package
 * indexes of @scrilla/core and @scrilla/engine load the whole analytics library and zod (≈150 ms), so
 * these two dependency-free entry points are imported instead; the indexes re-export the same modules,
 * so `instanceof ScrillaError` still holds.
 */
export { ScrillaError } from "@scrilla/core/errors";
export {
  ALLOCATION_CHOICES,
  API_KEY_NAMES,
  COMMAND_SPECS,
  findCommand,
  MEAN_CHOICES,
  RETURNS_CHOICES,
  RISK_MODEL_CHOICES,
} from "@scrilla/engine/commands";
