import { resolve } from "node:path";
import { readWatchlist } from "./admin/watchlist.js";
import type { CliContext } from "./cli-context.js";
import { ScrillaError } from "./light-imports.js";
import { renderSections } from "./output/render-table.js";
import { saveResult } from "./output/save-result.js";
import { tabulate } from "./output/tabulate.js";

/** A computing command: engine.run, then pretty tables, one JSON document, or nothing; and --save. */
export async function runCompute(context: CliContext): Promise<void> {
  const { spec, output, stdout } = context;
  let symbols = context.symbols;
  if (spec.name === "screen" && symbols.length === 0) {
    symbols = await readWatchlist(context.home);
    if (symbols.length === 0) {
      throw new ScrillaError(
        "INVALID_INPUT",
        "screen needs tickers or a watchlist; add some with scrilla watch SPY GLD.",
      );
    }
  }
  const engine = await context.engine();
  const result = await engine.run(spec.name, symbols, context.options);
  const sections = () => tabulate(spec.name, result, symbols);
  if (output.save) {
    await saveResult(resolve(context.cwd, output.save), result, sections);
    context.logger.info(`saved ${spec.name} result to ${output.save}`);
  }
  if (output.quiet) return;
  if (output.json) stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else stdout.write(renderSections(sections(), stdout));
}
