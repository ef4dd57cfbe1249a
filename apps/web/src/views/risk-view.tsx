import { riskProfileChart } from "@scrilla/charts";
import { Chart } from "../chart.js";
import { NumberTable } from "../number-table.js";
import { ErrorPanel, Loading } from "../status-panels.js";
import { useLoad } from "../use-load.js";
import { keyOf, type ViewProps, windowOptions } from "./view-props.js";

const COLUMNS = [
  { field: "annual_return", title: "Annual return μ", format: "percent" },
  { field: "annual_volatility", title: "Annual volatility σ", format: "percent" },
  { field: "sharpe_ratio", title: "Sharpe ratio", format: "number" },
  { field: "asset_beta", title: "CAPM β", format: "number" },
  { field: "equity_cost", title: "Cost of equity", format: "percent" },
] as const;

/** Risk-return scatter of the chosen assets, with their profiles. */
export function RiskView({ state }: ViewProps) {
  const options = windowOptions(state);
  const load = useLoad(keyOf("risk", state.tickers, options), (fetch) => fetch("risk-profile", state.tickers, options));
  if (load.status === "loading") return <Loading done={load.done} total={load.total} />;
  if (load.status === "error") return <ErrorPanel error={load.error!} />;
  const profiles = load.data as Record<string, Record<string, unknown>>;
  return (
    <>
      <Chart
        spec={riskProfileChart(profiles, { method: state.method })}
        description={`Risk-return scatter of ${state.tickers.join(", ")}`}
      />
      <NumberTable
        testId="numbers"
        caption="Risk-return profiles"
        columns={COLUMNS}
        rows={Object.entries(profiles).map(([key, values]) => ({ key, values }))}
      />
    </>
  );
}
