import { MATURITY_YEARS, yieldCurveChart } from "@scrilla/charts";
import { Chart } from "../chart.js";
import { NumberTable } from "../number-table.js";
import { ErrorPanel, Loading } from "../status-panels.js";
import { useLoad } from "../use-load.js";
import { keyOf, type ViewProps } from "./view-props.js";

/** The Treasury yield curve on the window's last date (the latest when none is chosen). */
export function YieldView({ state }: ViewProps) {
  const date = state.end || undefined;
  const load = useLoad(keyOf("yield", date), (fetch) => fetch("yield-curve", [], { start: date }));
  if (load.status === "loading") return <Loading done={load.done} total={load.total} />;
  if (load.status === "error") return <ErrorPanel error={load.error!} />;
  const result = load.data as { date?: string; curve?: Record<string, number> };
  const curve = result.curve ?? (result as Record<string, number>);
  const shownDate = result.date ?? date ?? "the latest date";
  const rows = Object.keys(MATURITY_YEARS)
    .filter((maturity) => typeof curve[maturity] === "number")
    .map((maturity) => ({ key: maturity, values: { yield: curve[maturity] } }));
  return (
    <>
      <Chart spec={yieldCurveChart(result, date)} description={`US Treasury yield curve on ${shownDate}`} />
      <NumberTable
        testId="numbers"
        caption={`Treasury yields on ${shownDate}`}
        rowTitle="Maturity"
        columns={[{ field: "yield", title: "Yield per year", format: "percent" }]}
        rows={rows}
      />
    </>
  );
}
