export { CLI_OPTIONS, type CliOptionSpec } from "./cli-options.js";
export { EXIT_OK, EXIT_RUNTIME, EXIT_USAGE, exitCodeFor } from "./exit-code.js";
export { type CliIo, main } from "./main.js";
export { normalizeArgv } from "./normalize-argv.js";
export {
  exceedsAccuracy,
  formatMoney,
  formatNumber,
  formatPercent,
  significantDigits,
} from "./output/number-format.js";
