import type { TopLevelSpec } from "vega-lite";
import { frame, percentAxis } from "./chart-frame.js";
import { nestedRecords } from "./result-shapes.js";

/** The period of an `MA_20` key (observations), for ordering legends by number rather than by text. */
const period = (average: string) => Number(/\d+/.exec(average)?.[0] ?? Number.POSITIVE_INFINITY);

/** One line per period of the mov-averages result (bars when the window is a single date). */
export function movingAveragesChart(ticker: string, result: unknown): TopLevelSpec {
  const records = nestedRecords(result);
  // {ticker: {date: {MA_20, …}}}; a bare {date: {…}} is accepted too.
  const perTicker = records[ticker];
  const byDate = perTicker ? nestedRecords(perTicker) : records;
  const values = Object.entries(byDate).flatMap(([date, averages]) =>
    Object.entries(averages)
      .filter((entry): entry is [string, number] => typeof entry[1] === "number")
      .map(([average, value]) => ({ date, average, value })),
  );
  const order = [...new Set(values.map((value) => value.average))].sort((a, b) => period(a) - period(b));
  const title = `Moving averages of ${ticker}'s annualised return`;
  const y = { field: "value", type: "quantitative", axis: percentAxis("Annualised return") };
  const color = { field: "average", type: "nominal", title: "Moving average", sort: order };
  if (Object.keys(byDate).length === 1) {
    return frame(title, {
      data: { values },
      mark: "bar",
      encoding: { x: { field: "average", type: "nominal", title: "Moving average", sort: order }, y, color },
    });
  }
  return frame(title, {
    data: { values },
    mark: "line",
    encoding: { x: { field: "date", type: "temporal", title: "Date" }, y, color },
  });
}
