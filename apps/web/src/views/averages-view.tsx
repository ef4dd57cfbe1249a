import { movingAveragesChart } from "@scrilla/charts";
import { Chart } from "../chart.js";
import { NumberTable } from "../number-table.js";
import { ErrorPanel, Loading } from "../status-panels.js";
import { useLoad } from "../use-load.js";
import { keyOf, type ViewProps, windowOptions } from "./view-props.js";

/** Moving averages of the first ticker's annualised return over the window; the table shows the last date. */
export function AveragesView({ state }: ViewProps) {
  const ticker = state.tickers[0]!;
  const options = windowOptions(state);
  const load = useLoad(keyOf("averages", ticker, options), (fetch) => fetch("mov-averages", [ticker], options));
  if (load.status === "loading") return <Loading done={load.done} total={load.total} />;
  if (load.status === "error") return <ErrorPanel error={load.error!} />;
  const byDate = (load.data as Record<string, Record<string, Record<string, number | null>>>)[ticker] ?? {};
  const last = Object.keys(byDate).sort().at(-1);
  const averages = last ? byDate[last]! : {};
  const names = Object.keys(averages).sort((a, b) => Number(a.replace(/\D/g, "")) - Number(b.replace(/\D/g, "")));
  return (
    <>
      <Chart spec={movingAveragesChart(ticker, load.data)} description={`Moving averages of ${ticker}`} />
      <NumberTable
        testId="numbers"
        caption={`Moving averages of ${ticker} on ${last ?? "—"}`}
        columns={names.map((name) => ({ field: name, title: name, format: "percent" as const }))}
        rows={[{ key: ticker, values: averages }]}
      />
    </>
  );
}
