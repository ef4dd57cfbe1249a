import type { CommandOptions, Engine } from "@scrilla/engine";

/** What a plot builder gets: the engine, the upper-cased symbols and the validated options. */
export interface PlotContext {
  engine: Engine;
  symbols: string[];
  options: CommandOptions;
}
