import { riskMeasuresChart } from "@scrilla/charts";
import { Chart } from "../chart.js";
import { NumberField } from "../number-field.js";
import { NumberTable } from "../number-table.js";
import { ErrorPanel, Loading } from "../status-panels.js";
import { useLoad } from "../use-load.js";
import { keyOf, type ViewProps, windowOptions } from "./view-props.js";

const COLUMNS = [
  { field: "spot_price", title: "Spot price", format: "money" },
  { field: "value_at_risk", title: "Value at risk", format: "money" },
  { field: "conditional_value_at_risk", title: "Conditional VaR", format: "money" },
] as const;

/** VaR and CVaR of each asset at the chosen tail probability and horizon (GBM, spec §4). */
export function VarView({ state, update }: ViewProps) {
  const options = { ...windowOptions(state), probability: state.probability, expiry: state.expiry };
  const load = useLoad(keyOf("var", state.tickers, options), async (fetch) => {
    const [vars, cvars] = await Promise.all([
      fetch("var", state.tickers, options),
      fetch("cvar", state.tickers, options),
    ]);
    return { vars, cvars };
  });
  const controls = (
    <fieldset class="controls">
      <legend>Horizon</legend>
      <NumberField
        label="Tail probability"
        min={0.001}
        max={0.5}
        step={0.01}
        value={state.probability}
        onChange={(probability) => probability !== undefined && update({ probability })}
      />
      <NumberField
        label="Horizon (years)"
        min={0.01}
        step={0.25}
        value={state.expiry}
        onChange={(expiry) => expiry !== undefined && update({ expiry })}
      />
    </fieldset>
  );
  if (load.status === "loading") return [controls, <Loading key="loading" done={load.done} total={load.total} />];
  if (load.status === "error") return [controls, <ErrorPanel key="error" error={load.error!} />];
  const { vars, cvars } = load.data as { vars: Record<string, Record<string, number>>; cvars: typeof vars };
  const rows = Object.entries(vars).map(([key, values]) => ({ key, values: { ...values, ...cvars[key] } }));
  return (
    <>
      {controls}
      <Chart
        spec={riskMeasuresChart(vars, cvars, { probability: state.probability, expiry: state.expiry })}
        description={`Value at risk and conditional value at risk of ${state.tickers.join(", ")}`}
      />
      <NumberTable testId="numbers" caption="Price levels at the horizon" columns={COLUMNS} rows={rows} />
    </>
  );
}
