import { correlationMatrixChart } from "@scrilla/charts";
import { Chart } from "../chart.js";
import { NumberTable } from "../number-table.js";
import { ErrorPanel, Loading } from "../status-panels.js";
import { useLoad } from "../use-load.js";
import { keyOf, type ViewProps, windowOptions } from "./view-props.js";

/** Correlation heat map and matrix. */
export function CorrelationView({ state }: ViewProps) {
  const options = windowOptions(state);
  const load = useLoad(keyOf("correlation", state.tickers, options), (fetch) =>
    fetch("correlation", state.tickers, options),
  );
  if (load.status === "loading") return <Loading done={load.done} total={load.total} />;
  if (load.status === "error") return <ErrorPanel error={load.error!} />;
  const matrix = (load.data as { correlation_matrix: number[][] }).correlation_matrix;
  const columns = state.tickers.map((ticker) => ({ field: ticker, title: ticker, format: "number" as const }));
  const rows = state.tickers.map((ticker, i) => ({
    key: ticker,
    values: Object.fromEntries(state.tickers.map((other, j) => [other, matrix[i]?.[j]])),
  }));
  return (
    <>
      <Chart
        spec={correlationMatrixChart(state.tickers, load.data, { method: state.method })}
        description={`Correlation heat map of ${state.tickers.join(", ")}`}
      />
      <NumberTable testId="numbers" caption="Correlation matrix ρ" columns={columns} rows={rows} />
    </>
  );
}
