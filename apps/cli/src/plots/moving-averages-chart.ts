import type { TopLevelSpec } from "vega-lite";
import { frame, percentAxis } from "./chart-frame.js";
import type { PlotContext } from "./plot-context.js";
import { nestedRecords } from "./result-shapes.js";

/** plot-moving-averages: one line per period (bars when the window is a single date). */
export async function movingAveragesChart({ engine, symbols, options }: PlotContext): Promise<TopLevelSpec> {
  const result = nestedRecords(await engine.run("mov-averages", symbols, options));
  // {ticker: {date: {MA_20, …}}}; a bare {date: {…}} is accepted too.
  const perTicker = result[symbols[0] ?? ""];
  const byDate = perTicker ? nestedRecords(perTicker) : result;
  const values = Object.entries(byDate).flatMap(([date, averages]) =>
    Object.entries(averages)
      .filter((entry): entry is [string, number] => typeof entry[1] === "number")
      .map(([average, value]) => ({ date, average, value })),
  );
  const title = `Moving averages of ${symbols[0]}'s annualised return`;
  const y = { field: "value", type: "quantitative", axis: percentAxis("Annualised return (%)") };
  const color = { field: "average", type: "nominal", title: "Period (observations)" };
  if (Object.keys(byDate).length === 1) {
    return frame(title, {
      data: { values },
      mark: "bar",
      encoding: { x: { field: "average", type: "nominal", title: "Moving average" }, y, color },
    });
  }
  return frame(title, {
    data: { values },
    mark: "line",
    encoding: { x: { field: "date", type: "temporal", title: "Date" }, y, color },
  });
}
