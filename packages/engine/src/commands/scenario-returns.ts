import { type PriceSeries, ScrillaError } from "@scrilla/core";

/** Daily simple returns on the dates every series shares (rows = periods, columns = assets). */
export function scenarioReturns(series: readonly PriceSeries[]): number[][] {
  const counts = new Map<string, number>();
  for (const s of series) for (const date of s.dates) counts.set(date, (counts.get(date) ?? 0) + 1);
  const common = [...counts]
    .filter(([, count]) => count === series.length)
    .map(([date]) => date)
    .sort();
  const closes = series.map((s) => {
    const index = new Map(s.dates.map((date, i) => [date, s.close[i]!]));
    return common.map((date) => index.get(date)!);
  });
  if (common.length < 3) {
    throw new ScrillaError("SAMPLE_TOO_SMALL", "Scenario risk needs at least 3 common trading days; widen the window.");
  }
  const rows: number[][] = [];
  for (let t = 1; t < common.length; t++) rows.push(closes.map((c) => c[t]! / c[t - 1]! - 1));
  return rows;
}
