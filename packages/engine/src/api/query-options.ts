const NUMERIC_OPTIONS = new Set<string>([
  "target",
  "discount",
  "investment",
  "expiry",
  "probability",
  "steps",
  "targetVolatility",
  "maxTurnover",
  "costRate",
]);
const BOOLEAN_OPTIONS = new Set<string>(["sharpe", "short"]);

/**
 * Query-string values are text; the numeric and boolean options become JSON types so that the engine's one
 * options schema (`parseCommandOptions`) validates the query string and JSON bodies alike. Text that is
 * not a number is kept, and the schema then names the option.
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
